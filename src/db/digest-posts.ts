import { and, desc, eq, gte, isNull, sql } from 'drizzle-orm';
import type { Database } from './connection.js';
import { attempts, digestPosts } from './schema.js';

export type DigestPost = typeof digestPosts.$inferSelect;

/** Reserves the digest of (guild, week) before anything is sent: the first caller gets the row, later ones null. */
export function claimDigest(store: Database, claim: { guildId: string; week: string; channelId: string }, now: Date): DigestPost | null {
  return (
    store.db
      .insert(digestPosts)
      .values({ ...claim, postedAt: now })
      .onConflictDoNothing({ target: [digestPosts.guildId, digestPosts.week] })
      .returning()
      .get() ?? null
  );
}

export function latestDigest(store: Database, guildId: string): DigestPost | null {
  return store.db.select().from(digestPosts).where(eq(digestPosts.guildId, guildId)).orderBy(desc(digestPosts.week)).limit(1).get() ?? null;
}

export function digestDelivered(store: Database, id: number, messageId: string): void {
  store.db.update(digestPosts).set({ messageId, lastError: null }).where(eq(digestPosts.id, id)).run();
}

export function digestFailed(store: Database, id: number, reason: string): void {
  store.db
    .update(digestPosts)
    .set({ lastError: reason })
    .where(and(eq(digestPosts.id, id), isNull(digestPosts.messageId)))
    .run();
}

/** Every answer given in a guild since `since`: who, which question, right or not. */
export function guildAnswers(
  store: Database,
  guildId: string,
  since: Date,
): Array<{ personId: string; questionId: string; correct: boolean }> {
  return store.db
    .select({ personId: attempts.personId, questionId: attempts.questionId, correct: attempts.correct })
    .from(attempts)
    .where(and(eq(attempts.guildId, guildId), gte(attempts.answeredAt, since)))
    .all();
}

/** People who answered in a guild since `since`. */
export function guildMembersActive(store: Database, guildId: string, since: Date): string[] {
  return store.db
    .select({ personId: attempts.personId, n: sql<number>`count(*)` })
    .from(attempts)
    .where(and(eq(attempts.guildId, guildId), gte(attempts.answeredAt, since)))
    .groupBy(attempts.personId)
    .all()
    .map((r) => r.personId);
}
