import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.js';
import {
  claimDailyPost,
  disableDaily,
  getGuildSettings,
  listEnabledGuilds,
  setDailyMessageId,
  setLastError,
  upsertGuildSettings,
} from '../../src/db/guild-settings.js';
import { getDailyPost } from '../../src/db/daily-posts.js';
import { openMemoryDatabase, openTempDatabase } from './temp.js';

const GUILD = '900000000000000000';
const now = new Date('2025-03-10T08:00:00Z');

describe('guild settings', () => {
  it('creates with defaults, then changes only what is given', () => {
    const store = openMemoryDatabase();
    const created = upsertGuildSettings(store, GUILD, { dailyChannelId: '700000000000000000', timeZone: 'Europe/Berlin' }, now);
    expect(created).toMatchObject({ dailyTime: '09:00', timeZone: 'Europe/Berlin', enabled: false, domain: null });
    const later = new Date('2025-03-11T08:00:00Z');
    upsertGuildSettings(store, GUILD, { dailyTime: '18:30', enabled: true, domain: 'modeling' }, later);
    expect(getGuildSettings(store, GUILD)).toMatchObject({
      dailyChannelId: '700000000000000000',
      dailyTime: '18:30',
      timeZone: 'Europe/Berlin',
      domain: 'modeling',
      enabled: true,
      updatedAt: later,
    });
  });

  it('refuses a bad time or zone instead of storing it', () => {
    const store = openMemoryDatabase();
    expect(() => upsertGuildSettings(store, GUILD, { dailyTime: '25:00' }, now)).toThrow(/HH:MM/);
    expect(() => upsertGuildSettings(store, GUILD, { timeZone: 'Mars/Olympus' }, now)).toThrow(/time zone/);
    expect(getGuildSettings(store, GUILD)).toBeNull();
  });

  it('lists enabled guilds that have a channel; disabling removes one', () => {
    const store = openMemoryDatabase();
    upsertGuildSettings(store, 'g1', { dailyChannelId: 'c1', enabled: true }, now);
    upsertGuildSettings(store, 'g2', { enabled: true }, now); // no channel yet
    upsertGuildSettings(store, 'g3', { dailyChannelId: 'c3', enabled: false }, now);
    expect(listEnabledGuilds(store).map((g) => g.guildId)).toEqual(['g1']);
    disableDaily(store, 'g1', now);
    expect(listEnabledGuilds(store)).toEqual([]);
  });

  it('keeps and clears the last error', () => {
    const store = openMemoryDatabase();
    upsertGuildSettings(store, GUILD, {}, now);
    setLastError(store, GUILD, 'Missing Access: cannot post in #daily', now);
    expect(getGuildSettings(store, GUILD)?.lastError).toBe('Missing Access: cannot post in #daily');
    setLastError(store, GUILD, null, now);
    expect(getGuildSettings(store, GUILD)?.lastError).toBeNull();
  });
});

describe('claimDailyPost', () => {
  const claim = { guildId: GUILD, day: '2025-03-10', questionId: 'q1', channelId: 'c1' };

  it('claiming the same day twice gives one post', () => {
    const store = openMemoryDatabase();
    upsertGuildSettings(store, GUILD, { dailyChannelId: 'c1', enabled: true }, now);
    const first = claimDailyPost(store, claim, now);
    const second = claimDailyPost(store, { ...claim, questionId: 'q2' }, new Date(now.getTime() + 30_000));
    expect(first).toMatchObject({ guildId: GUILD, day: '2025-03-10', questionId: 'q1', messageId: null });
    expect(second).toBeNull();
    expect(store.sqlite.prepare('SELECT count(*) FROM daily_posts').pluck().get()).toBe(1);
    expect(getGuildSettings(store, GUILD)?.lastPostedDay).toBe('2025-03-10');
  });

  it('holds across a restart and between two processes on the same file', () => {
    const a = openTempDatabase();
    const b = openDatabase(a.path);
    try {
      expect(claimDailyPost(a, claim, now)).not.toBeNull();
      expect(claimDailyPost(b, claim, now)).toBeNull();
      expect(claimDailyPost(b, { ...claim, day: '2025-03-11' }, now)).not.toBeNull();
    } finally {
      b.close();
    }
  });

  it('the next day gets its own post, and last posted day never moves back', () => {
    const store = openMemoryDatabase();
    upsertGuildSettings(store, GUILD, {}, now);
    claimDailyPost(store, { ...claim, day: '2025-03-11' }, now);
    expect(claimDailyPost(store, { ...claim, day: '2025-03-10' }, now)).not.toBeNull();
    expect(getGuildSettings(store, GUILD)?.lastPostedDay).toBe('2025-03-11');
  });

  it('stores the message id once Discord has it', () => {
    const store = openMemoryDatabase();
    const post = claimDailyPost(store, claim, now);
    if (!post) throw new Error('not claimed');
    setDailyMessageId(store, post.id, '800000000000000000');
    expect(getDailyPost(store, post.id)?.messageId).toBe('800000000000000000');
  });
});
