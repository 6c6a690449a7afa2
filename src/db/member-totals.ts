import { and, eq, sql } from 'drizzle-orm';
import { pointsFor } from '../progress/points.js';
import type { Database, Db } from './connection.js';
import { preparedOnce } from './prepared.js';
import { memberTotals } from './schema.js';

export type MemberTotals = typeof memberTotals.$inferSelect;

const addOne = (db: Db) =>
  db
    .insert(memberTotals)
    .values({
      guildId: sql.placeholder('guildId'),
      personId: sql.placeholder('personId'),
      attempts: 1,
      correct: sql.placeholder('correct'),
      points: sql.placeholder('points'),
    })
    .onConflictDoUpdate({
      target: [memberTotals.guildId, memberTotals.personId],
      set: {
        attempts: sql`${memberTotals.attempts} + 1`,
        correct: sql`${memberTotals.correct} + excluded.correct`,
        points: sql`${memberTotals.points} + excluded.points`,
      },
    })
    .prepare();

/** Adds one answer to the member's all-time figures in the guild (call inside the answer's transaction). */
export function addToMemberTotals(store: Database, guildId: string, personId: string, correct: boolean): void {
  preparedOnce(store, addOne).run({ guildId, personId, correct: correct ? 1 : 0, points: pointsFor(correct) });
}

export function getMemberTotals(store: Database, guildId: string, personId: string): MemberTotals | null {
  return (
    store.db
      .select()
      .from(memberTotals)
      .where(and(eq(memberTotals.guildId, guildId), eq(memberTotals.personId, personId)))
      .get() ?? null
  );
}
