import { and, eq, sql } from 'drizzle-orm';
import { pointsFor } from '../progress/points.js';
import type { BoardPeriod } from './board-periods.js';
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
      weekAttempts: sql.placeholder('week'),
      weekCorrect: sql.placeholder('weekCorrect'),
      weekPoints: sql.placeholder('weekPoints'),
      monthAttempts: sql.placeholder('month'),
      monthCorrect: sql.placeholder('monthCorrect'),
      monthPoints: sql.placeholder('monthPoints'),
    })
    .onConflictDoUpdate({
      target: [memberTotals.guildId, memberTotals.personId],
      set: {
        attempts: sql`${memberTotals.attempts} + 1`,
        correct: sql`${memberTotals.correct} + excluded.correct`,
        points: sql`${memberTotals.points} + excluded.points`,
        weekAttempts: sql`${memberTotals.weekAttempts} + excluded.week_attempts`,
        weekCorrect: sql`${memberTotals.weekCorrect} + excluded.week_correct`,
        weekPoints: sql`${memberTotals.weekPoints} + excluded.week_points`,
        monthAttempts: sql`${memberTotals.monthAttempts} + excluded.month_attempts`,
        monthCorrect: sql`${memberTotals.monthCorrect} + excluded.month_correct`,
        monthPoints: sql`${memberTotals.monthPoints} + excluded.month_points`,
      },
    })
    .prepare();

/**
 * Adds one answer to the member's figures in the guild: all time, and the tracked week / month it
 * falls in (see board-periods.ts). Call inside the answer's transaction.
 */
export function addToMemberTotals(
  store: Database,
  guildId: string,
  personId: string,
  correct: boolean,
  inPeriod: Record<BoardPeriod, boolean>,
): void {
  const right = correct ? 1 : 0;
  const points = pointsFor(correct);
  const week = inPeriod.week ? 1 : 0;
  const month = inPeriod.month ? 1 : 0;
  preparedOnce(store, addOne).run({
    guildId,
    personId,
    correct: right,
    points,
    week,
    weekCorrect: week * right,
    weekPoints: week * points,
    month,
    monthCorrect: month * right,
    monthPoints: month * points,
  });
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
