import { localDate, localTime } from './calendar.js';

/** What the rule needs of a guild's daily settings. */
export interface DailySettings {
  enabled: boolean;
  dailyChannelId: string | null;
  dailyTime: string;
  timeZone: string;
  lastPostedDay: string | null;
}

/** What the rule needs of the guild's latest claimed post. */
export interface ClaimedPost {
  day: string;
  messageId: string | null;
  nextAttemptAt: Date | null;
}

export type DailyDue<P extends ClaimedPost> =
  | { action: 'post'; day: string }
  | { action: 'retry'; post: P }
  | { action: 'none'; why: 'off' | 'posted' | 'not-yet' }
  | { action: 'none'; why: 'backing-off'; post: P; retryAt: Date };

/** First retry after 30 s, doubling up to every 10 minutes. */
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 10 * 60_000;

export function retryDelayMs(failedAttempts: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, failedAttempts - 1));
}

/**
 * The one rule for "is a daily post due": a claimed but undelivered post of today is retried (after its
 * back-off) until delivered; once the guild's day turns, the new day's post supersedes it. Otherwise a
 * new post is due once the local time has come and today has not been claimed.
 */
export function dailyDue<P extends ClaimedPost>(settings: DailySettings, latest: P | null, now: Date): DailyDue<P> {
  if (!settings.enabled || !settings.dailyChannelId) return { action: 'none', why: 'off' };
  const today = localDate(now, settings.timeZone);
  if (latest && latest.day === today && latest.messageId === null) {
    if (latest.nextAttemptAt && latest.nextAttemptAt > now)
      return { action: 'none', why: 'backing-off', post: latest, retryAt: latest.nextAttemptAt };
    return { action: 'retry', post: latest };
  }
  if (settings.lastPostedDay !== null && settings.lastPostedDay >= today) return { action: 'none', why: 'posted' };
  if (localTime(now, settings.timeZone) < settings.dailyTime) return { action: 'none', why: 'not-yet' };
  return { action: 'post', day: today };
}
