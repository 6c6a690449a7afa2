import { eq, sql } from 'drizzle-orm';
import type { StreakState } from '../progress/streak.js';
import type { Database, Db } from './connection.js';
import { preparedOnce } from './prepared.js';
import { streaks } from './schema.js';

const selectStreak = (db: Db) =>
  db
    .select()
    .from(streaks)
    .where(eq(streaks.personId, sql.placeholder('personId')))
    .prepare();

const upsertStreak = (db: Db) =>
  db
    .insert(streaks)
    .values({
      personId: sql.placeholder('personId'),
      current: sql.placeholder('current'),
      best: sql.placeholder('best'),
      lastDay: sql.placeholder('lastDay'),
    })
    .onConflictDoUpdate({
      target: streaks.personId,
      set: { current: sql`excluded.current`, best: sql`excluded.best`, lastDay: sql`excluded.last_day` },
    })
    .prepare();

export function getStreak(store: Database, personId: string): StreakState | null {
  const row = preparedOnce(store, selectStreak).get({ personId });
  return row ? { current: row.current, best: row.best, lastDay: row.lastDay } : null;
}

export function saveStreak(store: Database, personId: string, state: StreakState): void {
  preparedOnce(store, upsertStreak).run({ personId, ...state });
}
