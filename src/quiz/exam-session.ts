import { createSession, expiredOpenExams, finishSession, getSession, latestOpenSession, saveSessionProgress, type Session } from '../db/sessions.js';
import { refuse, type Engine, type Refusal } from '../engine.js';
import { recordAnswer } from '../progress/record-answer.js';
import { drawExam } from './exam-draw.js';
import { examResultSchema, scoreExam, type ExamResult } from './exam-score.js';
import { fastThresholdMs, grade } from './grading.js';
import type { Question } from './question.js';

export interface ExamView {
  session: Session;
  position: number;
  total: number;
  question: Question;
  /** Letters chosen so far at this position ("" for none). */
  chosen: string;
  answered: number;
  remainingMs: number;
}

/** The exam's time limit scaled to its length: a 10-question exam gets 10/65 of the full time. */
export function examMinutes(engine: Engine, length: number): number {
  const { questions, minutes } = engine.content.blueprint.exam;
  return Math.max(1, Math.ceil((minutes * length) / questions));
}

/**
 * Starts a mock exam (the blueprint's length by default) or resumes the unfinished one. An exam whose
 * deadline passed while nobody looked is submitted first, and its result returned as `previous`.
 */
export function startExam(
  engine: Engine,
  request: { personId: string; guildId: string | null; length?: number | undefined },
): { ok: true; view: ExamView; resumed: boolean; previous: ExamResult | null } | Refusal {
  const now = engine.clock.now();
  const open = latestOpenSession(engine.store, request.personId, 'exam');
  let previous: ExamResult | null = null;
  if (open) {
    if (open.deadline && open.deadline.getTime() > now.getTime()) return { ok: true, view: viewOf(engine, open, open.position), resumed: true, previous };
    previous = submitSession(engine, open, true);
  }
  const { blueprint, pool } = engine.content;
  const length = Math.min(request.length ?? blueprint.exam.questions, pool.questions.length);
  if (length < 1) return refuse('invalid', 'An exam needs at least one question.');
  const questions = drawExam(pool.questions, blueprint, length, engine.random);
  const session = createSession(
    engine.store,
    {
      personId: request.personId,
      guildId: request.guildId,
      kind: 'exam',
      questionIds: questions.map((q) => q.id),
      options: { count: length },
      deadline: new Date(now.getTime() + examMinutes(engine, length) * 60_000),
    },
    now,
  );
  return { ok: true, view: viewOf(engine, session, 0), resumed: false, previous };
}

function viewOf(engine: Engine, session: Session, position: number): ExamView {
  const at = Math.min(Math.max(0, position), session.questionIds.length - 1);
  return {
    session,
    position: at,
    total: session.questionIds.length,
    question: engine.content.pool.byId.get(session.questionIds[at]!)!,
    chosen: session.answers[at] ?? '',
    answered: session.answers.filter((a) => a != null && a !== '').length,
    remainingMs: Math.max(0, (session.deadline?.getTime() ?? 0) - engine.clock.now().getTime()),
  };
}

type ExamAccess = { ok: true; session: Session } | Refusal | { ok: false; reason: 'expired'; message: string; result: ExamResult };

/** Loads an exam for its owner; past the deadline it is submitted on the spot (auto-submit). */
function openExam(engine: Engine, sessionId: string, personId: string): ExamAccess {
  const session = getSession(engine.store, sessionId);
  if (!session || session.kind !== 'exam') return refuse('not-found', 'This exam no longer exists. Start one with /exam.');
  if (session.personId !== personId) return refuse('not-owner', 'This exam belongs to someone else. Start your own with /exam.');
  if (session.finishedAt) return { ok: false, reason: 'expired', message: 'This exam is already submitted.', result: storedResult(session)! };
  if (session.deadline && session.deadline.getTime() <= engine.clock.now().getTime()) {
    return { ok: false, reason: 'expired', message: 'Time is up: your exam was submitted.', result: submitSession(engine, session, true) };
  }
  return { ok: true, session };
}

export function showExam(engine: Engine, sessionId: string, personId: string, position: number): { ok: true; view: ExamView } | Exclude<ExamAccess, { ok: true }> {
  const access = openExam(engine, sessionId, personId);
  if (!access.ok) return access;
  const view = viewOf(engine, access.session, position);
  saveSessionProgress(engine.store, access.session.id, access.session.answers, view.position);
  return { ok: true, view };
}

/**
 * Picks a letter at a position. Single-answer questions take the letter; multiple-response ones toggle
 * it. Nothing is graded before submission, as on the real exam.
 */
export function chooseExamAnswer(
  engine: Engine,
  input: { sessionId: string; personId: string; position: number; letter: string },
): { ok: true; view: ExamView } | Exclude<ExamAccess, { ok: true }> {
  // One IMMEDIATE transaction: a toggle in a second window is never overwritten by a stale copy.
  return engine.store.sqlite.transaction(() => chooseInTransaction(engine, input)).immediate();
}

function chooseInTransaction(
  engine: Engine,
  input: { sessionId: string; personId: string; position: number; letter: string },
): { ok: true; view: ExamView } | Exclude<ExamAccess, { ok: true }> {
  const access = openExam(engine, input.sessionId, input.personId);
  if (!access.ok) return access;
  const { session } = access;
  const question = engine.content.pool.byId.get(session.questionIds[input.position] ?? '');
  if (!question) return refuse('stale', 'That question is not part of this exam.');
  const letter = input.letter.toUpperCase();
  if (!'ABCDEFGH'.slice(0, question.choices.length).includes(letter) || letter.length !== 1) return refuse('invalid', `${input.letter} is not a choice here.`);
  const current = session.answers[input.position] ?? '';
  const next =
    question.answer.length === 1 ? letter : [...(current.includes(letter) ? current.replace(letter, '') : current + letter)].sort().join('');
  const answers = session.answers.map((a, i) => (i === input.position ? next || null : a));
  saveSessionProgress(engine.store, session.id, answers, input.position);
  return { ok: true, view: viewOf(engine, { ...session, answers, position: input.position }, input.position) };
}

/** Submits an exam for scoring; submitting again returns the first result. */
export function submitExam(engine: Engine, sessionId: string, personId: string): { ok: true; result: ExamResult } | Refusal {
  const access = openExam(engine, sessionId, personId);
  if (access.ok) return { ok: true, result: submitSession(engine, access.session, false) };
  if ('result' in access) return { ok: true, result: access.result };
  return access;
}

/** Scores the exam and stores every answered question as an attempt, all in one transaction. */
export function submitSession(engine: Engine, given: Session, autoSubmitted: boolean): ExamResult {
  return engine.store.sqlite.transaction((): ExamResult => submitInTransaction(engine, getSession(engine.store, given.id) ?? given, autoSubmitted)).immediate();
}

function submitInTransaction(engine: Engine, session: Session, autoSubmitted: boolean): ExamResult {
  const existing = storedResult(session);
  if (existing) return existing;
  const questions = session.questionIds.map((id) => engine.content.pool.byId.get(id)).filter((q): q is Question => q !== undefined);
  const answers = session.questionIds.map((id, i) => (engine.content.pool.byId.has(id) ? (session.answers[i] ?? null) : undefined)).filter((a) => a !== undefined);
  const result = scoreExam(questions, answers, engine.content.blueprint, autoSubmitted);
  {
    {
      questions.forEach((q, step) => {
        const chosen = answers[step];
        if (!chosen) return;
        recordAnswer(
          engine.store,
          {
            personId: session.personId,
            guildId: session.guildId,
            questionId: q.id,
            sectionId: q.section,
            domain: q.domain,
            chosen,
            correct: grade(q, chosen).correct,
            source: 'exam',
            sourceRef: session.id,
            step,
            durationMs: null,
            fastThresholdMs: fastThresholdMs(q),
          },
          engine.clock,
        );
      });
      if (!finishSession(engine.store, session.id, result, engine.clock.now())) {
        // Someone else (a second click, the deadline sweep) submitted first: theirs stands.
        return storedResult(getSession(engine.store, session.id)!) ?? result;
      }
      return result;
    }
  }
}

function storedResult(session: Session): ExamResult | null {
  const parsed = examResultSchema.safeParse(session.result);
  return session.finishedAt && parsed.success ? parsed.data : null;
}

/** The result of a submitted exam, for its owner (the review pages read it). */
export function examResult(engine: Engine, sessionId: string, personId: string): { ok: true; result: ExamResult } | Refusal {
  const session = getSession(engine.store, sessionId);
  if (!session || session.kind !== 'exam') return refuse('not-found', 'This exam no longer exists.');
  if (session.personId !== personId) return refuse('not-owner', 'This exam belongs to someone else.');
  const result = storedResult(session);
  return result ? { ok: true, result } : refuse('stale', 'This exam is not submitted yet.');
}

/** Submits every exam whose deadline has passed; returns how many. Safe to run from several places. */
export function submitExpiredExams(engine: Engine): number {
  const expired = expiredOpenExams(engine.store, engine.clock.now());
  for (const session of expired) submitSession(engine, session, true);
  return expired.length;
}
