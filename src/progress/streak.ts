import { addDays } from './calendar.js';

/** What is stored per person: days are local "YYYY-MM-DD" in the zone in force when written. */
export interface StreakState {
  current: number;
  best: number;
  lastDay: string;
}

export interface StreakView {
  current: number;
  best: number;
}

/** Folds one study day into the streak. */
export function applyStudyDay(state: StreakState | null, day: string): StreakState {
  if (!state) return { current: 1, best: 1, lastDay: day };
  // Same day again, or an earlier day (the person moved west, so "today" went back): nothing changes,
  // so a time-zone change can neither break nor double-count a streak.
  if (day <= state.lastDay) return state;
  const current = day === addDays(state.lastDay, 1) ? state.current + 1 : 1;
  return { current, best: Math.max(state.best, current), lastDay: day };
}

/** The streak as a person sees it today: still alive until a whole day has been missed. */
export function currentStreak(state: StreakState | null, today: string): StreakView {
  if (!state) return { current: 0, best: 0 };
  // Yesterday's streak can still be extended today; a last day after today only happens after a zone change.
  const alive = state.lastDay >= addDays(today, -1);
  return { current: alive ? state.current : 0, best: state.best };
}
