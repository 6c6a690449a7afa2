/**
 * Recency-weighted accuracy with a prior. Each answer weighs 0.5^(age / 14 days), and PRIOR_STRENGTH
 * imaginary answers at PRIOR_ACCURACY are mixed in, so a topic needs several recent right answers to
 * look strong: two lucky answers give (2 + 1.5) / (2 + 3) = 0.7, not 1.0.
 */
export const HALF_LIFE_DAYS = 14;
export const PRIOR_ACCURACY = 0.5;
export const PRIOR_STRENGTH = 3;

const DAY_MS = 86_400_000;

export interface MasteryAttempt {
  questionId: string;
  sectionId: string;
  correct: boolean;
  answeredAt: Date;
}

/** Mastery of one group of questions: a domain or a task of an exam. */
export interface GroupMastery {
  key: string;
  attempts: number;
  correct: number;
  /** Plain share of right answers; null before the first answer. */
  accuracy: number | null;
  /** Recency-weighted accuracy with the prior, 0..1; PRIOR_ACCURACY with no answers. */
  mastery: number;
}

export interface SectionMastery {
  sectionId: string;
  attempts: number;
  correct: number;
  mastery: number;
}

interface Tally {
  attempts: number;
  correct: number;
  weight: number;
  weightedCorrect: number;
}

function emptyTally(): Tally {
  return { attempts: 0, correct: 0, weight: 0, weightedCorrect: 0 };
}

function add(tally: Tally, attempt: MasteryAttempt, now: Date): void {
  // An answer "from the future" (clock skew) counts as fresh, never as more than fresh.
  const ageDays = Math.max(0, now.getTime() - attempt.answeredAt.getTime()) / DAY_MS;
  const weight = 0.5 ** (ageDays / HALF_LIFE_DAYS);
  tally.attempts += 1;
  tally.weight += weight;
  if (attempt.correct) {
    tally.correct += 1;
    tally.weightedCorrect += weight;
  }
}

function masteryOf(tally: Tally): number {
  return (tally.weightedCorrect + PRIOR_ACCURACY * PRIOR_STRENGTH) / (tally.weight + PRIOR_STRENGTH);
}

/** One row per key in `keys`, in that order; answers whose key is not among them are ignored. */
export function masteryBy(
  attempts: readonly MasteryAttempt[],
  now: Date,
  keyOf: (a: MasteryAttempt) => string | undefined,
  keys: readonly string[],
): GroupMastery[] {
  const tallies = new Map(keys.map((key) => [key, emptyTally()]));
  for (const attempt of attempts) {
    const key = keyOf(attempt);
    const tally = key === undefined ? undefined : tallies.get(key);
    if (tally) add(tally, attempt, now);
  }
  return keys.map((key) => {
    const tally = tallies.get(key) ?? emptyTally();
    return {
      key,
      attempts: tally.attempts,
      correct: tally.correct,
      accuracy: tally.attempts === 0 ? null : tally.correct / tally.attempts,
      mastery: masteryOf(tally),
    };
  });
}

/**
 * The sections to reread: those with at least one wrong answer, weakest first (ties: more answers
 * behind the figure first, then section id). Sections never got wrong are not weak, only unproven.
 */
export function weakSections(attempts: readonly MasteryAttempt[], now: Date, limit: number): SectionMastery[] {
  const tallies = new Map<string, Tally>();
  for (const attempt of attempts) {
    let tally = tallies.get(attempt.sectionId);
    if (!tally) {
      tally = emptyTally();
      tallies.set(attempt.sectionId, tally);
    }
    add(tally, attempt, now);
  }
  return [...tallies]
    .filter(([, tally]) => tally.correct < tally.attempts)
    .map(([sectionId, tally]) => ({
      sectionId,
      attempts: tally.attempts,
      correct: tally.correct,
      mastery: masteryOf(tally),
    }))
    .sort((a, b) => a.mastery - b.mastery || b.attempts - a.attempts || (a.sectionId < b.sectionId ? -1 : 1))
    .slice(0, Math.max(0, limit));
}
