import { createEmptyCard, fsrs, generatorParameters, Rating, type Card, type Grade } from 'ts-fsrs';

export type { Card } from 'ts-fsrs';
export { Rating, State } from 'ts-fsrs';

/**
 * Steps for a chat bot, where people answer a few questions a day rather than drilling for an hour:
 * - a wrong answer (new or lapsed card) comes back after 30 minutes: not in the same burst, where the
 *   letter is still in short-term memory, but in the next quiz the same day;
 * - a single step, so a right answer graduates straight to FSRS's day-scale intervals; with Anki's
 *   1m/10m steps a card would keep coming back within one session and crowd out everything else.
 * No fuzz: the same answers must give the same due dates (tests, and reproducible support questions).
 */
export const LEARNING_STEPS = ['30m'] as const;
export const RELEARNING_STEPS = ['30m'] as const;

const scheduler = fsrs(generatorParameters({ enable_fuzz: false, learning_steps: LEARNING_STEPS, relearning_steps: RELEARNING_STEPS }));

export interface AnswerGrade {
  correct: boolean;
  durationMs: number | null;
  /** Right answers at or under this many ms count as Easy; the caller knows what fast means for a question. */
  fastThresholdMs: number;
}

/** Wrong = Again, right = Good, right and fast = Easy. */
export function ratingFor({ correct, durationMs, fastThresholdMs }: AnswerGrade): Grade {
  if (!correct) return Rating.Again;
  return durationMs !== null && durationMs <= fastThresholdMs ? Rating.Easy : Rating.Good;
}

/** A card never reviewed, due now. */
export function newCard(now: Date): Card {
  return createEmptyCard(now);
}

/** The card after one review at `now` (a missing card is treated as new). */
export function reviewCard(card: Card | null, rating: Grade, now: Date): Card {
  return scheduler.next(card ?? createEmptyCard(now), now, rating).card;
}

/** The chance the person would recall the card's answer at `now`, by FSRS's forgetting curve. */
export function retrievability(card: Card, now: Date): number {
  return scheduler.get_retrievability(card, now, false);
}
