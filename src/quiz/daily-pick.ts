import type { Question } from './question.js';

/** How many past daily questions a guild should not see again soon. */
export const DAILY_NO_REPEAT = 90;

/**
 * The daily question: single answer (one click on a public post), in the guild's domain if it set
 * one, and not among the questions it was asked lately (unless the pool is exhausted).
 */
export function pickDailyQuestion(questions: readonly Question[], recentIds: readonly string[], domain: string | null, random: () => number): Question | undefined {
  const eligible = questions.filter((q) => q.answer.length === 1 && (!domain || q.domain === domain));
  const recent = new Set(recentIds);
  const fresh = eligible.filter((q) => !recent.has(q.id));
  const from = fresh.length > 0 ? fresh : eligible;
  return from[Math.floor(random() * from.length)];
}
