import { and, eq, gt, sql } from 'drizzle-orm';
import type { Database, Db } from './connection.js';
import { preparedOnce, preparedSql } from './prepared.js';
import { boardBaselines } from './schema.js';

/**
 * Period boards as "all-time totals minus the totals when the period began".
 *
 * Summing a month of answers per member means sorting every answer in the month (about 75 ms for
 * 110,000 answers on the bench machine), while member_totals has one row per member. So once per
 * guild and period start, the "before" columns of member_totals are filled with each member's figures
 * at that instant (totals minus their answers since then, one scan of the covering index); from then
 * on every board is a scan of member_totals, and every answer keeps it exact by updating the totals.
 *
 * The baseline stays exact as long as answers arrive in time order. An answer stamped before a
 * baseline's start (a clock set back) drops that baseline, and the next board takes it again.
 */

export type BoardPeriod = 'week' | 'month';

const COLUMNS = {
  week: { start: 'week_start', attempts: 'attempts_before_week', correct: 'correct_before_week' },
  month: { start: 'month_start', attempts: 'attempts_before_month', correct: 'correct_before_month' },
} as const;

/** SQL giving a member's figures since the period began, for `FROM member_totals` (:start bound). */
export function sinceStartColumns(period: BoardPeriod): { attempts: string; correct: string } {
  const c = COLUMNS[period];
  return {
    attempts: `attempts - iif(${c.start} = :start, ${c.attempts}, 0)`,
    correct: `correct - iif(${c.start} = :start, ${c.correct}, 0)`,
  };
}

const selectBaseline = (db: Db) =>
  db
    .select({ start: boardBaselines.start })
    .from(boardBaselines)
    .where(and(eq(boardBaselines.guildId, sql.placeholder('guildId')), eq(boardBaselines.period, sql.placeholder('period'))))
    .prepare();

const deleteLaterBaselines = (db: Db) =>
  db
    .delete(boardBaselines)
    .where(and(eq(boardBaselines.guildId, sql.placeholder('guildId')), gt(boardBaselines.start, sql.placeholder('at'))))
    .prepare();

function takeBaselineSql(period: BoardPeriod): string[] {
  const c = COLUMNS[period];
  return [
    `UPDATE member_totals SET ${c.start} = :start, ${c.attempts} = attempts, ${c.correct} = correct
     WHERE guild_id = :guild`,
    // INDEXED BY: with one big guild the planner's statistics make guild_id look useless and it would
    // rather skip-scan a person index; the board index is the right one, and must exist.
    `UPDATE member_totals AS t SET ${c.attempts} = t.attempts - s.attempts, ${c.correct} = t.correct - s.correct
     FROM (SELECT person_id, count(*) AS attempts, sum(correct) AS correct
           FROM attempts INDEXED BY attempts_board_idx
           WHERE guild_id = :guild AND answered_at >= :start GROUP BY person_id) AS s
     WHERE t.guild_id = :guild AND t.person_id = s.person_id`,
    `INSERT INTO board_baselines (guild_id, period, start) VALUES (:guild, '${period}', :start)
     ON CONFLICT (guild_id, period) DO UPDATE SET start = excluded.start`,
  ];
}

/**
 * Makes sure the guild's "before" columns for `period` hold the figures as of `start`; takes them
 * (in one transaction, so totals and answers agree) when they are missing or for another start.
 * Returns true when it had to take them (the slow, once-per-period case).
 */
export function ensureBoardBaseline(store: Database, guildId: string, period: BoardPeriod, start: Date): boolean {
  return store.sqlite
    .transaction((): boolean => {
      const current = preparedOnce(store, selectBaseline).get({ guildId, period });
      if (current && current.start.getTime() === start.getTime()) return false;
      const params = { guild: guildId, start: start.getTime() };
      for (const text of takeBaselineSql(period)) preparedSql(store, text).run(params);
      return true;
    })
    .immediate();
}

/** Called for every guild answer: an answer stamped before a baseline's start invalidates it. */
export function dropBoardBaselinesAfter(store: Database, guildId: string, at: Date): void {
  // Placeholders in a WHERE are not run through the column's Date encoding: pass milliseconds.
  preparedOnce(store, deleteLaterBaselines).run({ guildId, at: at.getTime() });
}
