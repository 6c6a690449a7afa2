import type { Engine } from '../core/engine.js';
import {
  createSession,
  expiredOpenExams,
  finishSession,
  getSession,
  latestOpenSession,
  saveSessionProgress,
  type Session,
} from '../db/sessions.js';
import type { Exam } from '../knowledge/exams.js';
import { drawExam } from '../quiz/exam-draw.js';
import { examResultSchema, scoreExam, type ExamResult } from '../quiz/exam-score.js';
import { fastThresholdMs, grade } from '../quiz/grading.js';
import { EXAM_MAX_LENGTH } from '../quiz/limits.js';
import type { Question } from '../quiz/question.js';
import { examFor, zoneFor } from './preferences.js';
import { recordAnswer } from './record-answer.js';
import { refuse, type Refusal } from './refusal.js';

export interface ExamView {
  session: Session;
  exam: Exam;
  position: number;
  total: number;
  question: Question;
  /** Letters chosen so far at this position ("" for none). */
  chosen: string;
  answered: number;
  deadline: Date;
  remainingMs: number;
}

/** The exam's time limit scaled to its length: a 10-question exam gets 10/65 of the full time. */
export function examMinutes(exam: Exam, length: number): number {
  return Math.max(1, Math.ceil((exam.exam.minutes * length) / exam.exam.questions));
}

/**
 * Starts a mock exam of the person's exam (its length by default) or resumes the unfinished one. An
 * exam whose deadline passed while nobody looked is submitted first, and its result returned as `previous`.
 */
export function startExam(
  engine: Engine,
  request: { personId: string; guildId: string | null; length?: number | undefined },
): { ok: true; view: ExamView; resumed: boolean; previous: ExamResult | null } | Refusal {
  const now = engine.clock.now();
  const open = latestOpenSession(engine.store, request.personId, 'exam');
  let previous: ExamResult | null = null;
  if (open) {
    if (open.deadline && open.deadline.getTime() > now.getTime())
      return { ok: true, view: viewOf(engine, open, open.position), resumed: true, previous };
    previous = submitSession(engine, open, true);
  }
  const exam = examFor(engine, request.personId, request.guildId);
  const serving = engine.content.pool.questions.filter((q) => q.exams[exam.code] !== undefined);
  const length = Math.min(request.length ?? exam.exam.questions, EXAM_MAX_LENGTH, serving.length);
  if (length < 1) return refuse('no-questions', {});
  const questions = drawExam(serving, exam, length, engine.random);
  const session = createSession(
    engine.store,
    {
      personId: request.personId,
      guildId: request.guildId,
      kind: 'exam',
      questionIds: questions.map((q) => q.id),
      options: { exam: exam.code, count: length },
      deadline: new Date(now.getTime() + examMinutes(exam, length) * 60_000),
    },
    now,
  );
  return { ok: true, view: viewOf(engine, session, 0), resumed: false, previous };
}

function sessionExam(engine: Engine, session: Session): Exam {
  const code = session.options.exam;
  return (code ? engine.content.exams.get(code) : undefined) ?? examFor(engine, session.personId, session.guildId);
}

function viewOf(engine: Engine, session: Session, position: number): ExamView {
  const at = Math.min(Math.max(0, position), session.questionIds.length - 1);
  const deadline = session.deadline ?? engine.clock.now();
  return {
    session,
    exam: sessionExam(engine, session),
    position: at,
    total: session.questionIds.length,
    question: engine.content.pool.byId.get(session.questionIds[at]!)!,
    chosen: session.answers[at] ?? '',
    answered: session.answers.filter((a) => a != null && a !== '').length,
    deadline,
    remainingMs: Math.max(0, deadline.getTime() - engine.clock.now().getTime()),
  };
}

/** Loads an exam for its owner; past the deadline it is submitted on the spot (auto-submit). */
function openExam(engine: Engine, sessionId: string, personId: string): { ok: true; session: Session } | Refusal {
  const session = getSession(engine.store, sessionId);
  if (!session || session.kind !== 'exam') return refuse('not-found', { subject: 'exam' });
  if (session.personId !== personId) return refuse('not-owner', { subject: 'exam' });
  if (session.finishedAt) return refuse('submitted', { byDeadline: false, result: storedResult(session)! });
  if (session.deadline && session.deadline.getTime() <= engine.clock.now().getTime()) {
    return refuse('submitted', { byDeadline: true, result: submitSession(engine, session, true) });
  }
  return { ok: true, session };
}

export function showExam(
  engine: Engine,
  input: { sessionId: string; personId: string; position: number },
): { ok: true; view: ExamView } | Refusal {
  const access = openExam(engine, input.sessionId, input.personId);
  if (!access.ok) return access;
  const view = viewOf(engine, access.session, input.position);
  saveSessionProgress(engine.store, access.session.id, access.session.answers, view.position);
  return { ok: true, view };
}

/**
 * Picks a letter at a position. Single-answer questions take the letter; multiple-response ones toggle
 * it. Nothing is graded before submission, as on the real exam. One IMMEDIATE transaction: a toggle in
 * a second window is never overwritten by a stale copy.
 */
export function chooseExamAnswer(
  engine: Engine,
  input: { sessionId: string; personId: string; position: number; letter: string },
): { ok: true; view: ExamView } | Refusal {
  return engine.store.sqlite
    .transaction((): { ok: true; view: ExamView } | Refusal => {
      const access = openExam(engine, input.sessionId, input.personId);
      if (!access.ok) return access;
      const { session } = access;
      const question = engine.content.pool.byId.get(session.questionIds[input.position] ?? '');
      if (!question) return refuse('stale', {});
      const letter = input.letter.toUpperCase();
      if (letter.length !== 1 || !'ABCDEFGH'.slice(0, question.choices.length).includes(letter))
        return refuse('not-a-choice', { letter: input.letter });
      const current = session.answers[input.position] ?? '';
      const next =
        question.answer.length === 1
          ? letter
          : [...(current.includes(letter) ? current.replace(letter, '') : current + letter)].sort().join('');
      const answers = session.answers.map((a, i) => (i === input.position ? next || null : a));
      saveSessionProgress(engine.store, session.id, answers, input.position);
      return { ok: true, view: viewOf(engine, { ...session, answers, position: input.position }, input.position) };
    })
    .immediate();
}

/** How far an exam is, for the "submit?" confirmation: how many questions are still unanswered. */
export function examProgress(
  engine: Engine,
  input: { sessionId: string; personId: string },
): { ok: true; answered: number; total: number; unanswered: number[] } | Refusal {
  const access = openExam(engine, input.sessionId, input.personId);
  if (!access.ok) return access;
  const { answers } = access.session;
  const unanswered = answers.flatMap((a, i) => (a == null || a === '' ? [i] : []));
  return { ok: true, answered: answers.length - unanswered.length, total: answers.length, unanswered };
}

/** Submits an exam for scoring; submitting again returns the first result. */
export function submitExam(engine: Engine, input: { sessionId: string; personId: string }): { ok: true; result: ExamResult } | Refusal {
  const access = openExam(engine, input.sessionId, input.personId);
  if (access.ok) return { ok: true, result: submitSession(engine, access.session, false) };
  if (access.reason === 'submitted') return { ok: true, result: access.result };
  return access;
}

/** Scores the exam and stores every answered question as an attempt, all in one IMMEDIATE transaction. */
function submitSession(engine: Engine, given: Session, autoSubmitted: boolean): ExamResult {
  const zone = zoneFor(engine, given.personId, given.guildId);
  return engine.store.sqlite
    .transaction((): ExamResult => {
      // Read again inside the transaction: an answer changed in another window since counts.
      const session = getSession(engine.store, given.id) ?? given;
      const existing = storedResult(session);
      if (existing) return existing;
      const exam = sessionExam(engine, session);
      const questions = session.questionIds.map((id) => engine.content.pool.byId.get(id)).filter((q): q is Question => q !== undefined);
      const answers = session.questionIds
        .map((id, i) => (engine.content.pool.byId.has(id) ? (session.answers[i] ?? null) : undefined))
        .filter((a) => a !== undefined);
      const result = scoreExam(questions, answers, exam, autoSubmitted);
      questions.forEach((q, step) => {
        const chosen = answers[step];
        if (!chosen) return;
        recordAnswer(
          engine.store,
          {
            personId: session.personId,
            guildId: session.guildId,
            zone,
            questionId: q.id,
            sectionId: q.section,
            domain: q.exams[exam.code]?.domain ?? '',
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
      finishSession(engine.store, session.id, result, engine.clock.now());
      return result;
    })
    .immediate();
}

function storedResult(session: Session): ExamResult | null {
  const parsed = examResultSchema.safeParse(session.result);
  return session.finishedAt && parsed.success ? parsed.data : null;
}

/** The result of a submitted exam, for its owner (the review pages read it). */
export function examResult(
  engine: Engine,
  input: { sessionId: string; personId: string },
): { ok: true; result: ExamResult; exam: Exam } | Refusal {
  const session = getSession(engine.store, input.sessionId);
  if (!session || session.kind !== 'exam') return refuse('not-found', { subject: 'exam' });
  if (session.personId !== input.personId) return refuse('not-owner', { subject: 'exam' });
  const result = storedResult(session);
  return result ? { ok: true, result, exam: sessionExam(engine, session) } : refuse('not-submitted', {});
}

/** Submits every exam whose deadline has passed; returns how many. Safe to run from several places. */
export function submitExpiredExams(engine: Engine): number {
  const expired = expiredOpenExams(engine.store, engine.clock.now());
  for (const session of expired) submitSession(engine, session, true);
  return expired.length;
}
