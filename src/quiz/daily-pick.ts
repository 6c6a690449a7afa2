import type { Question } from './question.js';

/** How many past daily questions a guild should not see again soon. */
export const DAILY_NO_REPEAT = 90;

/**
 * The daily question: single answer (one click on a public post), serving the guild's exam (and the
 * domain it chose, if any), and not among the questions it was asked lately (unless none is left).
 */
export function pickDailyQuestion(
  questions: readonly Question[],
  recentIds: readonly string[],
  exam: string,
  domain: string | null,
  random: () => number,
): Question | undefined {
  const eligible = questions.filter((q) => {
    const placement = q.exams[exam];
    return q.answer.length === 1 && placement !== undefined && (!domain || placement.domain === domain);
  });
  const recent = new Set(recentIds);
  const fresh = eligible.filter((q) => !recent.has(q.id));
  const from = fresh.length > 0 ? fresh : eligible;
  return from[Math.floor(random() * from.length)];
}
