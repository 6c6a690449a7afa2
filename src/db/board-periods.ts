import { eq, sql } from 'drizzle-orm';
import type { Database, Db } from './connection.js';
import { preparedOnce, preparedSql } from './prepared.js';
import { boardPeriods } from './schema.js';

/**
 * Week and month figures per member, kept next to the all-time totals.
 *
 * Summing a month of answers per member means sorting every answer of the month (75 ms for 110,000
 * answers on the bench machine), far over what a board may cost. So the first board of a period
 * counts the answers in [start, end) once, through the covering index, into the week_* or month_*
 * columns of member_totals, and records that [start, end) here. From then on every answer that falls
 * in a tracked period adds itself to those columns in the same row write as the totals, and a board
 * reads one row per member. Answers outside the tracked [start, end) (a clock set back, or the next
 * week before anyone asked for its board) are left out, so the columns stay exact for their period.
 */

export type BoardPeriod = 'week' | 'month';

export interface PeriodSpan {
  start: Date;
  end: Date;
}

/** Column names per period; fixed strings, never user input. */
export const PERIOD_COLUMNS = {
  week: { attempts: 'week_attempts', correct: 'week_correct', points: 'week_points' },
  month: { attempts: 'month_attempts', correct: 'month_correct', points: 'month_points' },
} as const;

const selectPeriods = (db: Db) =>
  db
    .select()
    .from(boardPeriods)
    .where(eq(boardPeriods.guildId, sql.placeholder('guildId')))
    .prepare();

/** Which tracked periods of the guild `at` falls in: the columns an answer at `at` must add to. */
export function trackedPeriodsAt(store: Database, guildId: string, at: Date): Record<BoardPeriod, boolean> {
  const inside = { week: false, month: false };
  for (const row of preparedOnce(store, selectPeriods).all({ guildId })) {
    inside[row.period] = row.start <= at && at < row.end;
  }
  return inside;
}

function recountSql(period: BoardPeriod): string[] {
  const c = PERIOD_COLUMNS[period];
  return [
    `UPDATE member_totals SET ${c.attempts} = 0, ${c.correct} = 0, ${c.points} = 0 WHERE guild_id = :guild`,
    // INDEXED BY: with one big guild, statistics make guild_id look unselective and the planner would
    // rather skip-scan a person index; the covering board index is the right one, and must exist.
    `UPDATE member_totals AS t SET ${c.attempts} = s.attempts, ${c.correct} = s.correct, ${c.points} = s.points
     FROM (SELECT person_id, count(*) AS attempts, sum(correct) AS correct,
                  sum(iif(correct, :right, :wrong)) AS points
           FROM attempts INDEXED BY attempts_board_idx
           WHERE guild_id = :guild AND answered_at >= :start AND answered_at < :end
           GROUP BY person_id) AS s
     WHERE t.guild_id = :guild AND t.person_id = s.person_id`,
    `INSERT INTO board_periods (guild_id, period, start, "end") VALUES (:guild, '${period}', :start, :end)
     ON CONFLICT (guild_id, period) DO UPDATE SET start = excluded.start, "end" = excluded."end"`,
  ];
}

/**
 * Makes the guild's `period` columns cover exactly [start, end), recounting them from the answers
 * (one transaction, so no answer slips between count and marker) when they cover another span.
 * Returns true when it recounted: once per guild and period, the slow case.
 */
export function ensureBoardPeriod(
  store: Database,
  guildId: string,
  period: BoardPeriod,
  span: PeriodSpan,
  points: { right: number; wrong: number },
): boolean {
  return store.sqlite
    .transaction((): boolean => {
      const tracked = preparedOnce(store, selectPeriods)
        .all({ guildId })
        .find((row) => row.period === period);
      if (tracked && tracked.start.getTime() === span.start.getTime() && tracked.end.getTime() === span.end.getTime()) {
        return false;
      }
      const params = { guild: guildId, start: span.start.getTime(), end: span.end.getTime(), ...points };
      for (const text of recountSql(period)) preparedSql(store, text).run(params);
      return true;
    })
    .immediate();
}
