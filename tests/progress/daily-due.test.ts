import { describe, expect, it } from 'vitest';
import { dailyDue, retryDelayMs, type ClaimedPost, type DailySettings } from '../../src/progress/daily-due.js';

// Asia/Kolkata is UTC+05:30: 09:00 local is 03:30 UTC.
const settings: DailySettings = {
  enabled: true,
  dailyChannelId: 'c',
  dailyTime: '09:00',
  timeZone: 'Asia/Kolkata',
  lastPostedDay: '2026-05-31',
};
const at = (iso: string) => new Date(iso);

describe('when a daily post is due', () => {
  it('posts once the local time has come, and not before', () => {
    expect(dailyDue(settings, null, at('2026-06-01T03:29:59Z'))).toEqual({ action: 'none', why: 'not-yet' });
    expect(dailyDue(settings, null, at('2026-06-01T03:30:00Z'))).toEqual({ action: 'post', day: '2026-06-01' });
  });

  it('does nothing when off or when today is already claimed', () => {
    expect(dailyDue({ ...settings, enabled: false }, null, at('2026-06-01T04:00:00Z'))).toEqual({ action: 'none', why: 'off' });
    const delivered: ClaimedPost = { day: '2026-06-01', messageId: 'm', nextAttemptAt: null };
    expect(dailyDue({ ...settings, lastPostedDay: '2026-06-01' }, delivered, at('2026-06-01T04:00:00Z'))).toEqual({
      action: 'none',
      why: 'posted',
    });
  });

  it('retries an undelivered post of today after its back-off, and lets the next day supersede it', () => {
    const claimed = { ...settings, lastPostedDay: '2026-06-01' };
    const undelivered: ClaimedPost = { day: '2026-06-01', messageId: null, nextAttemptAt: at('2026-06-01T04:00:30Z') };
    expect(dailyDue(claimed, undelivered, at('2026-06-01T04:00:10Z'))).toMatchObject({
      action: 'none',
      why: 'backing-off',
      retryAt: at('2026-06-01T04:00:30Z'),
    });
    expect(dailyDue(claimed, undelivered, at('2026-06-01T04:00:30Z'))).toEqual({ action: 'retry', post: undelivered });
    // A crash between claim and send leaves no back-off: retried at once.
    expect(dailyDue(claimed, { ...undelivered, nextAttemptAt: null }, at('2026-06-01T04:00:10Z'))).toMatchObject({ action: 'retry' });
    // 2026-06-02 09:00 in Kolkata: yesterday's undelivered post is dropped for today's.
    expect(dailyDue(claimed, undelivered, at('2026-06-02T03:30:00Z'))).toEqual({ action: 'post', day: '2026-06-02' });
    expect(dailyDue(claimed, undelivered, at('2026-06-01T20:00:00Z'))).toEqual({ action: 'none', why: 'not-yet' });
  });

  it('backs off from 30 s, doubling, to at most 10 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 10].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 600_000, 600_000]);
  });
});
