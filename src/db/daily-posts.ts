import { and, desc, eq, gte, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Database, Db } from './connection.js';
import { preparedOnce } from './prepared.js';
import { attempts, dailyPosts } from './schema.js';

export type DailyPost = typeof dailyPosts.$inferSelect;

export interface DailyAnswerStats {
  answered: number;
  correct: number;
  /** Who answered right first, and when; null while nobody has. */
  firstCorrect: { personId: string; answeredAt: Date } | null;
}

// Read on every daily answer: prepared once per connection.
const selectPost = (db: Db) =>
  db
    .select()
    .from(dailyPosts)
    .where(eq(dailyPosts.id, sql.placeholder('id')))
    .prepare();

export function getDailyPost(store: Database, id: number): DailyPost | null {
  return preparedOnce(store, selectPost).get({ id }) ?? null;
}

export function latestDailyPost(store: Database, guildId: string): DailyPost | null {
  return store.db.select().from(dailyPosts).where(eq(dailyPosts.guildId, guildId)).orderBy(desc(dailyPosts.day)).limit(1).get() ?? null;
}

/** The post before `day`: the one whose answer a new post reveals. */
export function previousDailyPost(store: Database, guildId: string, day: string): DailyPost | null {
  return (
    store.db
      .select()
      .from(dailyPosts)
      .where(and(eq(dailyPosts.guildId, guildId), lt(dailyPosts.day, day)))
      .orderBy(desc(dailyPosts.day))
      .limit(1)
      .get() ?? null
  );
}

export function markDailyPostRevealed(store: Database, id: number, now: Date): void {
  store.db.update(dailyPosts).set({ revealedAt: now }).where(eq(dailyPosts.id, id)).run();
}

// Read on every daily answer and every refresh of a post: prepared once per connection.
const countAnswers = (db: Db) =>
  db
    .select({ answered: sql<number>`count(*)`, correct: sql<number>`coalesce(sum(${attempts.correct}), 0)` })
    .from(attempts)
    .where(and(eq(attempts.source, 'daily'), eq(attempts.sourceRef, sql.placeholder('ref'))))
    .prepare();
const firstRight = (db: Db) =>
  db
    .select({ personId: attempts.personId, answeredAt: attempts.answeredAt })
    .from(attempts)
    .where(and(eq(attempts.source, 'daily'), eq(attempts.sourceRef, sql.placeholder('ref')), eq(attempts.correct, true)))
    .orderBy(attempts.answeredAt, attempts.id)
    .limit(1)
    .prepare();

/** Counts answers to a daily post (recorded with source 'daily' and the post id as source ref). */
export function dailyAnswerStats(store: Database, postId: number): DailyAnswerStats {
  const ref = String(postId);
  const counts = preparedOnce(store, countAnswers).get({ ref });
  const first = preparedOnce(store, firstRight).get({ ref });
  return { answered: counts?.answered ?? 0, correct: counts?.correct ?? 0, firstCorrect: first ?? null };
}

/** Questions this guild was asked lately, so the daily question does not repeat soon. */
export function recentDailyQuestionIds(store: Database, guildId: string, limit: number): string[] {
  return store.db
    .select({ questionId: dailyPosts.questionId })
    .from(dailyPosts)
    .where(eq(dailyPosts.guildId, guildId))
    .orderBy(desc(dailyPosts.day))
    .limit(limit)
    .all()
    .map((r) => r.questionId);
}

/** Delivered posts not yet revealed, claimed since `since`: their answer count may need a refresh. */
export function recentOpenDailyPosts(store: Database, since: Date): DailyPost[] {
  return store.db
    .select()
    .from(dailyPosts)
    .where(and(isNotNull(dailyPosts.messageId), isNull(dailyPosts.revealedAt), gte(dailyPosts.postedAt, since)))
    .orderBy(dailyPosts.id)
    .all();
}

/** A failed delivery: counted, with why, and not tried again before `nextAttemptAt`. */
export function recordSendFailure(store: Database, postId: number, reason: string, nextAttemptAt: Date): void {
  store.db
    .update(dailyPosts)
    .set({ sendAttempts: sql`${dailyPosts.sendAttempts} + 1`, lastError: reason, nextAttemptAt })
    .where(eq(dailyPosts.id, postId))
    .run();
}

/**
 * /daily now or /daily set on an undelivered post: try at once (and in the new channel, if it moved).
 * Only undelivered posts change: a delivered one stays where Discord has it.
 */
export function retryUndeliveredNow(store: Database, postId: number, channelId: string): void {
  store.db
    .update(dailyPosts)
    .set({ nextAttemptAt: null, channelId })
    .where(and(eq(dailyPosts.id, postId), isNull(dailyPosts.messageId)))
    .run();
}
