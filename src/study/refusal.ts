import type { ExamResult } from '../quiz/exam-score.js';

/**
 * Why the engine did not do what was asked, as data: each front end puts it in its own words (the
 * terminal says `--new`, Discord says `/quiz new:True`). Never shown as is.
 */
export type Refusal =
  | { ok: false; reason: 'not-found'; subject: 'quiz' | 'exam' | 'daily-post' | 'question' }
  | { ok: false; reason: 'not-owner'; subject: 'quiz' | 'exam' }
  /** A click on an old message: that question was already passed, or is not part of the session. */
  | { ok: false; reason: 'stale' }
  /** A quiz on something else was asked for while one is unfinished. */
  | { ok: false; reason: 'unfinished'; step: number; total: number }
  | { ok: false; reason: 'nothing-missed' }
  | { ok: false; reason: 'no-questions' }
  | { ok: false; reason: 'unknown'; subject: 'exam' | 'domain' | 'task' | 'section' | 'time-zone'; value: string; valid: readonly string[] }
  | { ok: false; reason: 'not-a-choice'; letter: string }
  /** The daily post was revealed: answers are closed. */
  | { ok: false; reason: 'closed'; answer: string }
  | { ok: false; reason: 'not-submitted' }
  /** The exam was submitted (by its owner, or by the clock just now). */
  | { ok: false; reason: 'submitted'; byDeadline: boolean; result: ExamResult };

export type RefusalReason = Refusal['reason'];

export function refuse<R extends Refusal['reason']>(
  reason: R,
  detail: Omit<Extract<Refusal, { reason: R }>, 'ok' | 'reason'>,
): Extract<Refusal, { reason: R }> {
  return { ok: false, reason, ...detail } as Extract<Refusal, { reason: R }>;
}
