/**
 * Local calendar arithmetic in an IANA time zone, with Intl as the only source of zone rules.
 * Days are "YYYY-MM-DD" strings: they sort and compare as text.
 */

export type Period = 'week' | 'month' | 'all';

export interface PeriodBounds {
  /** First instant of the period; null for all time. */
  start: Date | null;
  /** First instant of the next period, i.e. when the board resets; null for all time. */
  end: Date | null;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

// Building a formatter costs far more than using one, and every answer needs one.
function formatterFor(tz: string): Intl.DateTimeFormat {
  let formatter = formatters.get(tz);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(tz, formatter);
  }
  return formatter;
}

interface LocalParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
}

// formatToParts is the slow part of every answer; answers come in bursts within the same minute, and
// zones change offset only on whole minutes, so the last result per zone is kept for its minute.
const lastMinute = new Map<string, { minute: number; parts: LocalParts }>();

function localParts(instant: Date, tz: string): LocalParts {
  const minute = Math.floor(instant.getTime() / 60_000);
  const cached = lastMinute.get(tz);
  if (cached && cached.minute === minute) return cached.parts;
  const parts: LocalParts = { year: '', month: '', day: '', hour: '', minute: '' };
  for (const part of formatterFor(tz).formatToParts(instant)) {
    if (part.type in parts) parts[part.type as keyof LocalParts] = part.value;
  }
  lastMinute.set(tz, { minute, parts });
  return parts;
}

/** The calendar day ("YYYY-MM-DD") that `instant` falls on in `tz`. */
export function localDate(instant: Date, tz: string): string {
  const { year, month, day } = localParts(instant, tz);
  return `${year.padStart(4, '0')}-${month}-${day}`;
}

/** The wall-clock time ("HH:MM") of `instant` in `tz`. */
export function localTime(instant: Date, tz: string): string {
  const { hour, minute } = localParts(instant, tz);
  return `${hour}:${minute}`;
}

function parseDay(day: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new Error(`not a day (YYYY-MM-DD): ${day}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** `day` moved by `n` calendar days (n may be negative). */
export function addDays(day: string, n: number): string {
  return new Date(parseDay(day) + n * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Monday ... 6 = Sunday. */
export function weekdayIndex(day: string): number {
  return (new Date(parseDay(day)).getUTCDay() + 6) % 7;
}

/** How far local wall-clock time in `tz` is ahead of UTC at `instant`, in ms (minute precision). */
function offsetAt(instant: number, tz: string): number {
  const p = localParts(new Date(instant), tz);
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
  return wall - Math.floor(instant / 60_000) * 60_000;
}

/**
 * The first instant of `day` in `tz`: local midnight, or the end of the gap when a DST change skips
 * midnight (America/Santiago). Intl only: two offset lookups find midnight in the usual case; when the
 * check fails, bisection on "has the local date reached `day` yet" finds the day's first instant.
 */
export function startOfLocalDay(day: string, tz: string): Date {
  const utcMidnight = parseDay(day);
  // The second lookup corrects the first when the offset changes between the two instants.
  const guess = utcMidnight - offsetAt(utcMidnight - offsetAt(utcMidnight, tz), tz);
  if (localDate(new Date(guess), tz) === day && localDate(new Date(guess - 1), tz) < day) return new Date(guess);

  // Zone offsets lie within -12h..+14h, so the day's start lies within this window.
  let lo = utcMidnight - 15 * HOUR_MS; // local date still before `day`
  let hi = utcMidnight + 13 * HOUR_MS; // local date already `day` or later
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (localDate(new Date(mid), tz) >= day) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}

/** The current week (Monday 00:00 local), month, or all time, and when it resets. */
export function periodBounds(period: Period, now: Date, tz: string): PeriodBounds {
  const today = localDate(now, tz);
  if (period === 'all') return { start: null, end: null };
  if (period === 'week') {
    const monday = addDays(today, -weekdayIndex(today));
    return { start: startOfLocalDay(monday, tz), end: startOfLocalDay(addDays(monday, 7), tz) };
  }
  const first = `${today.slice(0, 7)}-01`;
  const next = new Date(parseDay(first));
  next.setUTCMonth(next.getUTCMonth() + 1);
  return { start: startOfLocalDay(first, tz), end: startOfLocalDay(next.toISOString().slice(0, 10), tz) };
}

/**
 * The first instant whose local wall-clock time in `tz` on `day` is `time` ("HH:MM") or later: the
 * moment a daily post at that time is due. A time a DST change skips falls on the first minute after.
 */
export function localInstant(day: string, time: string, tz: string): Date {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const start = startOfLocalDay(day, tz).getTime();
  let guess = start + (h * 60 + m) * 60_000;
  // Within a day the offset changes at most once, by at most a few hours: correct the guess by it.
  for (let i = 0; i < 2; i++) {
    const p = localParts(new Date(guess), tz);
    const shownMinutes =
      (localDate(new Date(guess), tz) === day ? 0 : localDate(new Date(guess), tz) < day ? -1440 : 1440) +
      Number(p.hour) * 60 +
      Number(p.minute);
    const off = h * 60 + m - shownMinutes;
    if (off === 0) break;
    guess += off * 60_000;
  }
  return new Date(guess);
}
