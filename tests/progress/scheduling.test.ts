import { describe, expect, it } from 'vitest';
import { newCard, Rating, ratingFor, reviewCard, State } from '../../src/progress/scheduling.js';

const now = new Date('2025-03-10T08:00:00Z');
const MINUTE = 60_000;
const DAY = 86_400_000;

describe('ratingFor', () => {
  it('wrong is Again, right is Good, right and fast is Easy', () => {
    expect(ratingFor({ correct: false, durationMs: 1_000, fastThresholdMs: 8_000 })).toBe(Rating.Again);
    expect(ratingFor({ correct: true, durationMs: 20_000, fastThresholdMs: 8_000 })).toBe(Rating.Good);
    expect(ratingFor({ correct: true, durationMs: 8_000, fastThresholdMs: 8_000 })).toBe(Rating.Easy);
    expect(ratingFor({ correct: true, durationMs: 8_001, fastThresholdMs: 8_000 })).toBe(Rating.Good);
  });

  it('an unknown duration is never fast', () => {
    expect(ratingFor({ correct: true, durationMs: null, fastThresholdMs: 8_000 })).toBe(Rating.Good);
  });
});

describe('reviewCard', () => {
  it('a wrong answer comes back in 30 minutes, in a later session the same day', () => {
    const card = reviewCard(null, Rating.Again, now);
    expect(card.state).toBe(State.Learning);
    expect(card.due.getTime() - now.getTime()).toBe(30 * MINUTE);
  });

  it('a right answer goes to review days later; an easy one later still', () => {
    const good = reviewCard(null, Rating.Good, now);
    const easy = reviewCard(null, Rating.Easy, now);
    expect(good.state).toBe(State.Review);
    expect(good.due.getTime() - now.getTime()).toBeGreaterThanOrEqual(DAY);
    expect(easy.due.getTime()).toBeGreaterThan(good.due.getTime());
  });

  it('a lapse relearns in 30 minutes and counts as a lapse', () => {
    const learned = reviewCard(newCard(now), Rating.Good, now);
    const lapsed = reviewCard(learned, Rating.Again, learned.due);
    expect(lapsed.state).toBe(State.Relearning);
    expect(lapsed.lapses).toBe(1);
    expect(lapsed.due.getTime() - learned.due.getTime()).toBe(30 * MINUTE);
  });

  it('is deterministic (no fuzz)', () => {
    const a = reviewCard(reviewCard(null, Rating.Good, now), Rating.Good, new Date(now.getTime() + 3 * DAY));
    const b = reviewCard(reviewCard(null, Rating.Good, now), Rating.Good, new Date(now.getTime() + 3 * DAY));
    expect(a.due).toEqual(b.due);
  });
});
