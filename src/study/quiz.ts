import type { Engine } from '../core/engine.js';
import { answerHistory, lastSeenByQuestion, recentlyMissedQuestionIds } from '../db/attempts.js';
import { dueCards } from '../db/cards.js';
import { createSession, finishSession, getSession, latestOpenSession, saveSessionProgress, type Session } from '../db/sessions.js';
import type { Exam } from '../knowledge/exams.js';
import { masteryBy } from '../progress/mastery.js';
import type { StreakView } from '../progress/streak.js';
import { fastThresholdMs, grade, type Grade } from '../quiz/grading.js';
import { QUIZ_DEFAULT_COUNT, QUIZ_MAX_COUNT } from '../quiz/limits.js';
import type { Question } from '../quiz/question.js';
import { selectQuestions } from '../quiz/selection.js';
import { examFor, zoneFor } from './preferences.js';
import { recordAnswer } from './record-answer.js';
import { refuse, type Refusal } from './refusal.js';

/** An unfinished quiz older than this is not resumed: the person has moved on. */
const RESUME_WINDOW_MS = 24 * 3600_000;

export type QuizMode = 'adaptive' | 'missed';

export interface QuizRequest {
  personId: string;
  guildId: string | null;
  domain?: string | undefined;
  /** A task of the exam, e.g. "3.2". */
  task?: string | undefined;
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
  exam: Exam;
}

export interface Feedback {
  ok: true;
  sessionId: string;
  exam: Exam;
  step: number;
  total: number;
  question: Question;
  grade: Grade;
  /** The same step was answered before (double click, another window): shown again, stored once. */
  duplicate: boolean;
  /** The streak after this answer; null for a duplicate. */
  streak: StreakView | null;
  /** Points this answer earned on the server's leaderboard (0 for a duplicate or outside a server). */
  points: number;
  /** Set when this was the last question. */
  summary: QuizSummary | null;
}

export interface QuizSummary {
  correct: number;
  total: number;
  /** Sections of the questions missed, to reread, in the order they were missed. */
  reread: string[];
  /** Ids of the questions missed, for "replay missed". */
  missed: string[];
}

/** Starts a quiz, or resumes the person's unfinished one (the store holds it, so restarts lose nothing). */
export function startQuiz(engine: Engine, request: QuizRequest): { ok: true; step: QuizStep; resumed: boolean } | Refusal {
  const now = engine.clock.now();
  const open = latestOpenSession(engine.store, request.personId, 'quiz');
  if (open && !request.fresh && now.getTime() - open.startedAt.getTime() < RESUME_WINDOW_MS) {
    const step = currentStep(engine, open);
    // A quiz on something else was asked for: say so rather than resume the old one in silence.
    if (step && asksForOther(open.options, request)) return refuse('unfinished', { step: step.step, total: step.total });
    if (step) return { ok: true, step, resumed: true };
  }

  const exam = examFor(engine, request.personId, request.guildId);
  const { pool, sections } = engine.content;
  if (request.domain && !exam.domains.some((d) => d.id === request.domain))
    return refuse('unknown', { subject: 'domain', value: request.domain, valid: exam.domains.map((d) => d.id) });
  if (request.task && !exam.tasks.some((t) => t.id === request.task))
    return refuse('unknown', { subject: 'task', value: request.task, valid: exam.tasks.map((t) => t.id) });
  if (request.section && !sections.some((s) => s.id === request.section))
    return refuse('unknown', { subject: 'section', value: request.section, valid: [] });
  const count = Math.min(Math.max(1, request.count ?? QUIZ_DEFAULT_COUNT), QUIZ_MAX_COUNT);
  const fits = (q: Question) => {
    const placement = q.exams[exam.code];
    if (request.section) return q.section === request.section;
    return (
      placement !== undefined &&
      (!request.domain || placement.domain === request.domain) &&
      (!request.task || placement.task === request.task)
    );
  };

  let questions: Question[];
  if (request.mode === 'missed') {
    questions = recentlyMissedQuestionIds(engine.store, request.personId)
      .map((id) => pool.byId.get(id))
      .filter((q): q is Question => q !== undefined && fits(q))
      .slice(0, count);
    if (questions.length === 0) return refuse('nothing-missed', {});
  } else {
    const history = answerHistory(engine.store, request.personId);
    const domainOf = (id: string) => pool.byId.get(id)?.exams[exam.code]?.domain;
    const mastery = masteryBy(
      history,
      now,
      (a) => domainOf(a.questionId),
      exam.domains.map((d) => d.id),
    );
    questions = selectQuestions({
      candidates: pool.questions.filter(fits),
      due: dueCards(engine.store, request.personId, now).map((c) => ({ questionId: c.questionId, due: c.card.due })),
      lastSeen: lastSeenByQuestion(engine.store, request.personId),
      mastery: new Map(mastery.filter((m) => m.attempts > 0).map((m) => [m.key, m.mastery])),
      domainOf: (q) => q.exams[exam.code]?.domain,
      count,
      random: engine.random,
    });
    if (questions.length === 0) return refuse('no-questions', {});
  }
  const options: Session['options'] = {
    exam: exam.code,
    domain: request.domain,
    task: request.task,
    section: request.section,
    mode: request.mode ?? 'adaptive',
    count,
  };
  return {
    ok: true,
    step: openQuiz(
      engine,
      request,
      open,
      questions.map((q) => q.id),
      options,
      now,
    ),
    resumed: false,
  };
}

/** Starts a quiz of exactly these questions (the ones just missed): "replay missed" on a finished quiz. */
export function replayQuiz(
  engine: Engine,
  request: { personId: string; guildId: string | null; sessionId: string },
): { ok: true; step: QuizStep } | Refusal {
  const loaded = loadQuiz(engine, request.sessionId, request.personId);
  if (!loaded.ok) return loaded;
  const missed = summarize(engine, loaded.session.questionIds, loaded.session.answers).missed;
  if (missed.length === 0) return refuse('nothing-missed', {});
  const now = engine.clock.now();
  const open = latestOpenSession(engine.store, request.personId, 'quiz');
  const options: Session['options'] = { ...loaded.session.options, mode: 'missed', count: missed.length };
  return { ok: true, step: openQuiz(engine, request, open, missed, options, now) };
}

/** Opens a new quiz on these questions; the person's unfinished one (`open`) is closed as abandoned. */
function openQuiz(
  engine: Engine,
  owner: { personId: string; guildId: string | null },
  open: Session | null,
  questionIds: string[],
  options: Session['options'],
  now: Date,
): QuizStep {
  if (open) finishSession(engine.store, open.id, { abandoned: true }, now);
  const session = createSession(
    engine.store,
    { personId: owner.personId, guildId: owner.guildId, kind: 'quiz', questionIds, options },
    now,
  );
  return currentStep(engine, session)!;
}

function asksForOther(open: Session['options'], request: QuizRequest): boolean {
  return (
    (request.domain !== undefined && request.domain !== open.domain) ||
    (request.task !== undefined && request.task !== open.task) ||
    (request.section !== undefined && request.section !== open.section) ||
    (request.mode !== undefined && request.mode !== (open.mode ?? 'adaptive'))
  );
}

function sessionExam(engine: Engine, session: Session): Exam {
  const code = session.options.exam;
  return (code ? engine.content.exams.get(code) : undefined) ?? examFor(engine, session.personId, session.guildId);
}

/** The question at the session's position, or null when every question is answered. */
function currentStep(engine: Engine, session: Session, at = session.position): QuizStep | null {
  const id = session.questionIds[at];
  const question = id === undefined ? undefined : engine.content.pool.byId.get(id);
  return question ? { session, step: at, total: session.questionIds.length, question, exam: sessionExam(engine, session) } : null;
}

function loadQuiz(engine: Engine, sessionId: string, personId: string): { ok: true; session: Session } | Refusal {
  const session = getSession(engine.store, sessionId);
  if (!session || session.kind !== 'quiz') return refuse('not-found', { subject: 'quiz' });
  if (session.personId !== personId) return refuse('not-owner', { subject: 'quiz' });
  return { ok: true, session };
}

/** The step a button points at (a "Next" click, a toggle): only the quiz's current, unanswered step. */
export function quizStep(
  engine: Engine,
  input: { sessionId: string; personId: string; step: number },
): { ok: true; step: QuizStep } | Refusal {
  const loaded = loadQuiz(engine, input.sessionId, input.personId);
  if (!loaded.ok) return loaded;
  if (loaded.session.finishedAt || input.step !== loaded.session.position) return refuse('stale', {});
  const step = currentStep(engine, loaded.session, input.step);
  return step ? { ok: true, step } : refuse('stale', {});
}

export interface QuizAnswer {
  sessionId: string;
  personId: string;
  step: number;
  chosen: string;
  durationMs: number | null;
}

/**
 * Grades one quiz answer and stores it with its spaced-repetition and streak effects. Read, check and
 * write happen in one IMMEDIATE transaction: a second terminal (or a retried click) on the same quiz
 * then sees this answer instead of writing back a stale copy of the session.
 */
export function answerQuiz(engine: Engine, answer: QuizAnswer): Feedback | Refusal {
  const zone = (guildId: string | null) => zoneFor(engine, answer.personId, guildId);
  return engine.store.sqlite.transaction((): Feedback | Refusal => answerInTransaction(engine, answer, zone)).immediate();
}

function answerInTransaction(engine: Engine, answer: QuizAnswer, zone: (guildId: string | null) => string): Feedback | Refusal {
  const loaded = loadQuiz(engine, answer.sessionId, answer.personId);
  if (!loaded.ok) return loaded;
  const { session } = loaded;
  const at = currentStep(engine, session, answer.step);
  if (!at) return refuse('stale', {});
  const total = session.questionIds.length;
  const where = { ok: true, sessionId: session.id, exam: at.exam, step: answer.step, total, question: at.question } as const;
  const previous = session.answers[answer.step];
  if (previous != null) {
    const summary = answer.step + 1 >= total ? summarize(engine, session.questionIds, session.answers) : null;
    return {
      ...where,
      grade: grade(at.question, previous),
      duplicate: true,
      streak: null,
      points: 0,
      summary,
    };
  }
  if (answer.step !== session.position) return refuse('stale', {});

  const result = grade(at.question, answer.chosen);
  const now = engine.clock.now();
  const recorded = recordAnswer(
    engine.store,
    {
      personId: answer.personId,
      guildId: session.guildId,
      zone: zone(session.guildId),
      questionId: at.question.id,
      sectionId: at.question.section,
      domain: at.question.exams[at.exam.code]?.domain ?? '',
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
  return {
    ...where,
    grade: result,
    duplicate: recorded.duplicate,
    streak: recorded.duplicate ? null : recorded.streak,
    points: recorded.duplicate ? 0 : recorded.points,
    summary,
  };
}

/** Where a quiz stands now (another window may have moved it on): the next step, or the summary when done. */
export function quizProgress(
  engine: Engine,
  sessionId: string,
  personId: string,
): { ok: true; next: QuizStep | null; summary: QuizSummary | null } | Refusal {
  const loaded = loadQuiz(engine, sessionId, personId);
  if (!loaded.ok) return loaded;
  const { session } = loaded;
  const next = session.finishedAt ? null : currentStep(engine, session);
  return { ok: true, next, summary: next ? null : summarize(engine, session.questionIds, session.answers) };
}

function summarize(engine: Engine, questionIds: readonly string[], answers: readonly (string | null)[]): QuizSummary {
  let correct = 0;
  const reread: string[] = [];
  const missed: string[] = [];
  questionIds.forEach((id, i) => {
    const q = engine.content.pool.byId.get(id);
    const chosen = answers[i];
    if (!q || chosen == null) return;
    if (grade(q, chosen).correct) correct++;
    else {
      missed.push(q.id);
      if (!reread.includes(q.section)) reread.push(q.section);
    }
  });
  return { correct, total: questionIds.length, reread, missed };
}
