import { and, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { isTimeZone } from '../config.js';
import type { Database, Db } from './connection.js';
import { preparedOnce } from './prepared.js';
import type { DailyPost } from './daily-posts.js';
import { dailyPosts, guildSettings } from './schema.js';

export type GuildSettings = typeof guildSettings.$inferSelect;

/** Fields a guild admin can change; absent fields keep their value. */
export interface GuildSettingsPatch {
  dailyChannelId?: string | null;
  dailyTime?: string;
  timeZone?: string;
  domain?: string | null;
  exam?: string | null;
  digestDay?: number | null;
  enabled?: boolean;
}

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

// Read on every interaction (its zone): prepared once per connection.
const selectSettings = (db: Db) =>
  db
    .select()
    .from(guildSettings)
    .where(eq(guildSettings.guildId, sql.placeholder('guildId')))
    .prepare();

export function getGuildSettings(store: Database, guildId: string): GuildSettings | null {
  return preparedOnce(store, selectSettings).get({ guildId }) ?? null;
}

/** Creates or updates a guild's settings; throws on a malformed time or zone rather than storing it. */
export function upsertGuildSettings(store: Database, guildId: string, patch: GuildSettingsPatch, now: Date): GuildSettings {
  if (patch.dailyTime !== undefined && !HH_MM.test(patch.dailyTime)) {
    throw new Error(`daily time must be HH:MM (24h), got "${patch.dailyTime}"`);
  }
  if (patch.timeZone !== undefined && !isTimeZone(patch.timeZone)) {
    throw new Error(`not an IANA time zone: "${patch.timeZone}"`);
  }
  const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as GuildSettingsPatch;
  return store.db
    .insert(guildSettings)
    .values({ guildId, ...set, updatedAt: now })
    .onConflictDoUpdate({ target: guildSettings.guildId, set: { ...set, updatedAt: now } })
    .returning()
    .get();
}

export function disableDaily(store: Database, guildId: string, now: Date): void {
  store.db.update(guildSettings).set({ enabled: false, updatedAt: now }).where(eq(guildSettings.guildId, guildId)).run();
}

/** Guilds whose daily question is on and has somewhere to go. */
export function listEnabledGuilds(store: Database): GuildSettings[] {
  return store.db
    .select()
    .from(guildSettings)
    .where(and(eq(guildSettings.enabled, true), isNotNull(guildSettings.dailyChannelId)))
    .orderBy(guildSettings.guildId)
    .all();
}

export interface DailyPostClaim {
  guildId: string;
  /** Local day in the guild's zone. */
  day: string;
  questionId: string;
  channelId: string;
}

/**
 * Reserves the daily post for (guild, day) before anything is sent to Discord: the first caller gets the
 * new row, every later one (a second tick, a restart, a second process) gets null. So a day is posted
 * at most once even if the bot dies between claiming and sending.
 */
export function claimDailyPost(store: Database, claim: DailyPostClaim, now: Date): DailyPost | null {
  return store.sqlite
    .transaction((): DailyPost | null => {
      const post = store.db
        .insert(dailyPosts)
        .values({ ...claim, postedAt: now })
        .onConflictDoNothing({ target: [dailyPosts.guildId, dailyPosts.day] })
        .returning()
        .get();
      if (!post) return null;
      store.db
        .update(guildSettings)
        .set({ lastPostedDay: claim.day })
        .where(
          and(
            eq(guildSettings.guildId, claim.guildId),
            // Never moves backwards, should an older day be claimed late.
            or(isNull(guildSettings.lastPostedDay), lt(guildSettings.lastPostedDay, claim.day)),
          ),
        )
        .run();
      return post;
    })
    .immediate();
}

/** Records the Discord message id once the post went out (needed to edit it with counts and the reveal). */
export function setDailyMessageId(store: Database, postId: number, messageId: string): void {
  store.db.update(dailyPosts).set({ messageId, lastError: null, nextAttemptAt: null }).where(eq(dailyPosts.id, postId)).run();
}

/** Keeps the last failure (e.g. missing channel permission) for /daily status; null clears it. */
export function setLastError(store: Database, guildId: string, error: string | null, now: Date): void {
  store.db.update(guildSettings).set({ lastError: error, updatedAt: now }).where(eq(guildSettings.guildId, guildId)).run();
}
