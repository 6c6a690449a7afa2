import { describe, expect, it } from 'vitest';
import { applyStudyDay, currentStreak } from '../../src/progress/streak.js';

describe('applyStudyDay', () => {
  it('starts at one, counts each new consecutive day once', () => {
    let state = applyStudyDay(null, '2025-03-10');
    expect(state).toEqual({ current: 1, best: 1, lastDay: '2025-03-10' });
    state = applyStudyDay(state, '2025-03-10');
    expect(state.current).toBe(1);
    state = applyStudyDay(state, '2025-03-11');
    state = applyStudyDay(state, '2025-03-12');
    expect(state).toEqual({ current: 3, best: 3, lastDay: '2025-03-12' });
  });

  it('a missed day starts over and keeps the best', () => {
    let state = applyStudyDay(applyStudyDay(null, '2025-03-10'), '2025-03-11');
    state = applyStudyDay(state, '2025-03-13');
    expect(state).toEqual({ current: 1, best: 2, lastDay: '2025-03-13' });
  });

  it('counts across month and year ends', () => {
    const state = applyStudyDay(applyStudyDay(null, '2024-12-31'), '2025-01-01');
    expect(state.current).toBe(2);
  });

  it('ignores a day before the last one (after moving to a zone further west)', () => {
    const state = applyStudyDay(applyStudyDay(null, '2025-03-10'), '2025-03-11');
    expect(applyStudyDay(state, '2025-03-10')).toBe(state);
  });
});

describe('currentStreak', () => {
  const state = { current: 4, best: 6, lastDay: '2025-03-10' };

  it('is alive today and tomorrow (it can still be extended), gone after a missed day', () => {
    expect(currentStreak(state, '2025-03-10')).toEqual({ current: 4, best: 6 });
    expect(currentStreak(state, '2025-03-11')).toEqual({ current: 4, best: 6 });
    expect(currentStreak(state, '2025-03-12')).toEqual({ current: 0, best: 6 });
  });

  it('is zero for someone who never studied', () => {
    expect(currentStreak(null, '2025-03-10')).toEqual({ current: 0, best: 0 });
  });

  it('a last day "in the future" (zone change) still counts', () => {
    expect(currentStreak(state, '2025-03-09')).toEqual({ current: 4, best: 6 });
  });
});
