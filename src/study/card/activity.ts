/**
 * The 12-week activity grid: one column per calendar week (Monday first), one row per weekday, the
 * last column being the week of the last day given (today). Pure date arithmetic on local days.
 */
import { dayNumber } from './card-data.js';

export const WEEKS = 12;

/** Lower bounds of the shade levels 1..4, in answers a day; 0 answers is level 0. */
export const LEVEL_FLOORS = [1, 5, 15, 30] as const;

export interface ActivityCell {
  week: number;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  day: string;
  answers: number;
  level: number;
}

export interface ActivityGrid {
  cells: ActivityCell[];
  /** A label for each week where a month begins (the first shown day of that week is in it). */
  months: Array<{ week: number; label: string }>;
  /** Answers over the days shown. */
  total: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const dayString = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
/** 1970-01-01 was a Thursday: Monday-first weekday index 3. */
const weekdayOf = (n: number) => (((n + 3) % 7) + 7) % 7;

export function levelOf(answers: number): number {
  return LEVEL_FLOORS.filter((floor) => answers >= floor).length;
}

/** Days after the last one (later this week) get no cell; days before the first given count as 0. */
export function activityGrid(activity: ReadonlyArray<{ day: string; answers: number }>): ActivityGrid {
  const byDay = new Map(activity.map((a) => [dayNumber(a.day), a.answers]));
  const today = dayNumber(activity[activity.length - 1]!.day);
  const firstMonday = today - weekdayOf(today) - 7 * (WEEKS - 1);
  const cells: ActivityCell[] = [];
  for (let week = 0; week < WEEKS; week++) {
    for (let weekday = 0; weekday < 7; weekday++) {
      const n = firstMonday + 7 * week + weekday;
      if (n > today) continue;
      const answers = byDay.get(n) ?? 0;
      cells.push({ week, weekday, day: dayString(n), answers, level: levelOf(answers) });
    }
  }
  const months: ActivityGrid['months'] = [];
  for (let week = 0; week < WEEKS; week++) {
    const month = new Date((firstMonday + 7 * week) * 86_400_000).getUTCMonth();
    const previous = week === 0 ? -1 : new Date((firstMonday + 7 * (week - 1)) * 86_400_000).getUTCMonth();
    if (month !== previous) months.push({ week, label: MONTHS[month]! });
  }
  // A label for the first, partly shown month only if it does not crowd the next one.
  if (months.length > 1 && months[0]!.week === 0 && months[1]!.week < 2) months.shift();
  return { cells, months, total: cells.reduce((sum, c) => sum + c.answers, 0) };
}
