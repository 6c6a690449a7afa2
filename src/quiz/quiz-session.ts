import { recentlyMissedQuestionIds, lastSeenByQuestion, answerHistory } from '../db/attempts.js';
import { dueCards } from '../db/cards.js';
import { createSession, finishSession, getSession, latestOpenSession, saveSessionProgress, type Session } from '../db/sessions.js';
import { refuse, type Engine, type Refusal } from '../engine.js';
import { domainMastery } from '../progress/mastery.js';
import { recordAnswer } from '../progress/record-answer.js';
import type { StreakView } from '../progress/streak.js';
import { fastThresholdMs, grade, type Grade } from './grading.js';
import type { Question } from './question.js';
import { selectQuestions } from './selection.js';

export const QUIZ_DEFAULT_COUNT = 10;
export const QUIZ_MAX_COUNT = 25;
/** An unfinished quiz older than this is not resumed: the person has moved on. */
const RESUME_WINDOW_MS = 24 * 3600_000;

export type QuizMode = 'adaptive' | 'missed';

export interface QuizRequest {
  personId: string;
  guildId: string | null;
  domain?: string | undefined;
  section?: string | undefined;
  count?: number | undefined;
  mode?: QuizMode | undefined;
  /** Start over even when an unfinished quiz exists. */
  fresh?: boolean;
}

export interface QuizStep {
  session: Session;
  step: number;
  total: number;
  question: Question;
}

export interface Feedback {
  ok: true;
  step: number;
  total: number;
  question: Question;
  grade: Grade;
  /** The same answer arrived before (double click, retry): shown again, stored once. */
  duplicate: boolean;
  streak: StreakView | null;
  /** Set when this was the last question. */
  summary: QuizSummary | null;
}

export interface QuizSummary {
  correct: number;
  total: number;
  /** Sections of the questions missed, to reread. */
  reread: string[];
}

/** Starts a quiz, or resumes the person's unfinished one (the store holds it, so restarts lose nothing). */
export function startQuiz(engine: Engine, request: QuizRequest): { ok: true; step: QuizStep; resumed: boolean } | Refusal {
  const now = engine.clock.now();
  const open = latestOpenSession(engine.store, request.personId, 'quiz');
  if (open && !request.fresh && now.getTime() - open.startedAt.getTime() < RESUME_WINDOW_MS) {
    const step = currentStep(engine, open);
    // A quiz on something else was asked for: say so rather than resume the old one in silence.
    if (step && asksForOther(open.options, request))
      return refuse('unfinished', `You have an unfinished quiz at question ${step.step + 1} of ${step.total}. Finish it first, or start over with the new option to get the quiz you asked for.`);
    if (step) return { ok: true, step, resumed: true };
  }
  if (open) finishSession(engine.store, open.id, { abandoned: true }, now);

  const { pool, blueprint, sections } = engine.content;
  if (request.domain && !blueprint.domains.some((d) => d.id === request.domain))
    return refuse('invalid', `Unknown domain "${request.domain}". Domains: ${blueprint.domains.map((d) => d.id).join(', ')}.`);
  if (request.section && !sections.some((s) => s.id === request.section)) return refuse('invalid', `Unknown section "${request.section}".`);
  const count = Math.min(Math.max(1, request.count ?? QUIZ_DEFAULT_COUNT), QUIZ_MAX_COUNT);
  const fits = (q: Question) => (!request.domain || q.domain === request.domain) && (!request.section || q.section === request.section);

  let questions: Question[];
  if (request.mode === 'missed') {
    questions = recentlyMissedQuestionIds(engine.store, request.personId)
      .map((id) => pool.byId.get(id))
      .filter((q): q is Question => q !== undefined && fits(q))
      .slice(0, count);
    if (questions.length === 0) return refuse('empty', 'No missed questions to replay: every question you got wrong has since been answered right.');
  } else {
    const history = answerHistory(engine.store, request.personId);
    const mastery = domainMastery(history, now, blueprint.domains.map((d) => d.id));
    questions = selectQuestions({
      candidates: pool.questions.filter(fits),
      due: dueCards(engine.store, request.personId, now).map((c) => ({ questionId: c.questionId, due: c.card.due })),
      lastSeen: lastSeenByQuestion(engine.store, request.personId),
      mastery: new Map(mastery.filter((m) => m.attempts > 0).map((m) => [m.domain, m.mastery])),
      count,
      random: engine.random,
    });
    if (questions.length === 0) return refuse('empty', 'No questions match that filter.');
  }
  const session = createSession(
    engine.store,
    {
      personId: request.personId,
      guildId: request.guildId,
      kind: 'quiz',
      questionIds: questions.map((q) => q.id),
      options: { domain: request.domain, section: request.section, mode: request.mode ?? 'adaptive', count },
    },
    now,
  );
  return { ok: true, step: currentStep(engine, session)!, resumed: false };
}

function asksForOther(open: { domain?: string | undefined; section?: string | undefined; mode?: string | undefined }, request: QuizRequest): boolean {
  return (
    (request.domain !== undefined && request.domain !== open.domain) ||
    (request.section !== undefined && request.section !== open.section) ||
    (request.mode !== undefined && request.mode !== (open.mode ?? 'adaptive'))
  );
}

/** The question at the session's position, or null when every question is answered. */
export function currentStep(engine: Engine, session: Session, at = session.position): QuizStep | null {
  const id = session.questionIds[at];
  const question = id === undefined ? undefined : engine.content.pool.byId.get(id);
  return question ? { session, step: at, total: session.questionIds.length, question } : null;
}

export function loadQuiz(engine: Engine, sessionId: string, personId: string): { ok: true; session: Session } | Refusal {
  const session = getSession(engine.store, sessionId);
  if (!session || session.kind !== 'quiz') return refuse('not-found', 'This quiz no longer exists. Start a new one with /quiz.');
  if (session.personId !== personId) return refuse('not-owner', 'This quiz belongs to someone else. Start your own with /quiz.');
  return { ok: true, session };
}

export interface QuizAnswer {
  sessionId: string;
  personId: string;
  step: number;
  chosen: string;
  durationMs: number | null;
  guildTimeZone?: string | undefined;
}

/**
 * Grades one quiz answer and stores it with its spaced-repetition and streak effects in one
 * transaction. The same answer delivered twice is shown twice and stored once.
 */
export function answerQuiz(engine: Engine, answer: QuizAnswer): Feedback | Refusal {
  // Read, check and write in one IMMEDIATE transaction: a second terminal (or a retried click) on the
  // same quiz then sees this answer instead of writing back a stale copy of the session.
  return engine.store.sqlite.transaction((): Feedback | Refusal => answerInTransaction(engine, answer)).immediate();
}

function answerInTransaction(engine: Engine, answer: QuizAnswer): Feedback | Refusal {
  const loaded = loadQuiz(engine, answer.sessionId, answer.personId);
  if (!loaded.ok) return loaded;
  const { session } = loaded;
  const at = currentStep(engine, session, answer.step);
  if (!at) return refuse('stale', 'That question is not part of this quiz any more.');
  const previous = session.answers[answer.step];
  if (previous != null) return feedbackFor(engine, session, at.question, answer.step, previous, true, null);
  if (answer.step !== session.position) return refuse('stale', 'That question was already passed. Use the latest message of your quiz.');

  const result = grade(at.question, answer.chosen);
  const total = session.questionIds.length;
  const now = engine.clock.now();
  const recorded = recordAnswer(
    engine.store,
    {
      personId: answer.personId,
      guildId: session.guildId,
      guildTimeZone: answer.guildTimeZone,
      questionId: at.question.id,
      sectionId: at.question.section,
      domain: at.question.domain,
      chosen: result.chosen,
      correct: result.correct,
      source: 'quiz',
      sourceRef: session.id,
      step: answer.step,
      durationMs: answer.durationMs,
      fastThresholdMs: fastThresholdMs(at.question),
    },
    engine.clock,
  );
  const answers = session.answers.map((a, i) => (i === answer.step ? result.chosen : a));
  saveSessionProgress(engine.store, session.id, answers, answer.step + 1);
  const summary = answer.step + 1 >= total ? summarize(engine, session.questionIds, answers) : null;
  if (summary) finishSession(engine.store, session.id, summary, now);
  const streak = recorded.duplicate ? null : recorded.streak;
  return { ok: true, step: answer.step, total, question: at.question, grade: result, duplicate: false, streak, summary };
}

/** Where a quiz stands now (another window may have moved it on): the next step, or the summary when done. */
export function quizProgress(engine: Engine, sessionId: string, personId: string): { ok: true; next: QuizStep | null; summary: QuizSummary | null } | Refusal {
  const loaded = loadQuiz(engine, sessionId, personId);
  if (!loaded.ok) return loaded;
  const { session } = loaded;
  const next = session.finishedAt ? null : currentStep(engine, session);
  return { ok: true, next, summary: next ? null : summarize(engine, session.questionIds, session.answers) };
}

function feedbackFor(engine: Engine, session: Session, question: Question, step: number, chosen: string, duplicate: boolean, streak: StreakView | null): Feedback {
  const total = session.questionIds.length;
  const summary = step + 1 >= total ? summarize(engine, session.questionIds, session.answers) : null;
  return { ok: true, step, total, question, grade: grade(question, chosen), duplicate, streak, summary };
}

function summarize(engine: Engine, questionIds: readonly string[], answers: readonly (string | null)[]): QuizSummary {
  let correct = 0;
  const reread: string[] = [];
  questionIds.forEach((id, i) => {
    const q = engine.content.pool.byId.get(id);
    const chosen = answers[i];
    if (!q || chosen == null) return;
    if (grade(q, chosen).correct) correct++;
    else if (!reread.includes(q.section)) reread.push(q.section);
  });
  return { correct, total: questionIds.length, reread };
}
