import { ensureBoardPeriod, PERIOD_COLUMNS } from '../db/board-periods.js';
import type { Database } from '../db/connection.js';
import { groupOfPerson } from '../db/groups.js';
import { preparedSql } from '../db/prepared.js';
import type { Engine } from '../core/engine.js';
import { localDate, periodBounds, type Period } from '../progress/calendar.js';
import { POINTS_RIGHT, POINTS_WRONG } from '../progress/points.js';
import { currentStreak } from '../progress/streak.js';
import { guildZone } from './preferences.js';

export type { Period } from '../progress/calendar.js';

export type LeaderboardScope = 'members' | 'groups';

export interface LeaderboardQuery {
  guildId: string;
  period: Period;
  scope: LeaderboardScope;
  /** Whose own row to return even outside the top `limit`. */
  callerId: string;
  /** The guild's zone: where weeks and months begin and end. */
  tz: string;
  now: Date;
  limit?: number;
}

export interface LeaderboardRow {
  rank: number;
  /** Person id, or the group id as text. */
  id: string;
  /** Group name (members are named by the front end). */
  name?: string;
  points: number;
  correct: number;
  attempts: number;
  /** correct / attempts, 0..1. */
  accuracy: number;
  /** Current study streak for members; null for groups. */
  streak: number | null;
  /** Group size, for groups. */
  members?: number;
}

export interface Leaderboard {
  period: Period;
  start: Date | null;
  /** When this board resets; null for all time. */
  end: Date | null;
  rows: LeaderboardRow[];
  /** The caller's row (their group's, for groups) wherever it ranks; null while not on this board. */
  caller: LeaderboardRow | null;
}

interface RankedRow {
  isCaller: 0 | 1;
  id: string | number;
  points: number;
  correct: number;
  attempts: number;
  rank: number;
}

type Figures = { attempts: string; correct: string; points: string };

/** Week and month come from the columns board-periods.ts keeps exact for [start, end). */
function columnsFor(period: Period): Figures {
  return period === 'all' ? { attempts: 'attempts', correct: 'correct', points: 'points' } : PERIOD_COLUMNS[period];
}

/** Every member's figures for the period (members with answers in it only). */
function memberFigures(c: Figures): string {
  return `SELECT person_id AS id, ${c.attempts} AS attempts, ${c.correct} AS correct, ${c.points} AS points
          FROM member_totals WHERE guild_id = :guild AND ${c.attempts} > 0`;
}

/** Sums of the current members' figures per group. */
function groupFigures(c: Figures): string {
  return `SELECT group_id AS id, sum(${c.attempts}) AS attempts, sum(${c.correct}) AS correct, sum(${c.points}) AS points
          FROM member_totals WHERE guild_id = :guild AND group_id IS NOT NULL AND ${c.attempts} > 0
          GROUP BY group_id`;
}

// Ties: more points, then more right answers, then fewer answers (better accuracy), then id, so the
// order never depends on the query plan.
const ORDER = 'points DESC, correct DESC, attempts ASC, id ASC';
const AHEAD = '(-o.points, -o.correct, o.attempts, o.id) < (-c.points, -c.correct, c.attempts, c.id)';

/**
 * The top rows, numbered by a window over just those rows, plus the caller's row ranked by counting the
 * rows ahead of it: as exact as row_number() over the whole board, without numbering 10,000 members
 * (a full window costs more than the rest of the query on a big guild).
 */
function rankedSql(figures: string, materialized: boolean): string {
  return `WITH figures AS ${materialized ? '' : 'NOT '}MATERIALIZED (${figures}),
          top AS (SELECT * FROM figures ORDER BY ${ORDER} LIMIT :limit)
          SELECT 0 AS isCaller, id, points, correct, attempts, row_number() OVER (ORDER BY ${ORDER}) AS rank FROM top
          UNION ALL
          SELECT 1, id, points, correct, attempts, 1 + (SELECT count(*) FROM figures o WHERE ${AHEAD})
          FROM figures c WHERE c.id = :caller`;
}

interface StreakRow {
  id: string;
  current: number;
  best: number;
  lastDay: string;
  timeZone: string | null;
}

/** Current streaks for the listed people, each judged by today in their own zone (else the guild's). */
function streaksFor(store: Database, ids: string[], tz: string, now: Date): Map<string, number> {
  const rows = preparedSql(
    store,
    `SELECT s.person_id AS id, s.current, s.best, s.last_day AS lastDay, p.time_zone AS timeZone
     FROM streaks s JOIN people p ON p.id = s.person_id
     WHERE s.person_id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as StreakRow[];
  return new Map(rows.map((row) => [row.id, currentStreak(row, localDate(now, row.timeZone ?? tz)).current]));
}

function groupDetails(store: Database, ids: number[]): Map<number, { name: string; members: number }> {
  const rows = preparedSql(
    store,
    `SELECT g.id, g.name, (SELECT count(*) FROM group_members m WHERE m.group_id = g.id) AS members
     FROM study_groups g WHERE g.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as { id: number; name: string; members: number }[];
  return new Map(rows.map((row) => [row.id, { name: row.name, members: row.members }]));
}

/**
 * A guild's board for this week, this month or all time, for members or study groups. Weeks and
 * months are [start, end) in `tz`; a group's figures are the sums of its current members' figures.
 */
/** A server's board for a period, with the caller's own row; weeks and months follow the server's zone. */
export function leaderboard(
  engine: Engine,
  input: { guildId: string; period: Period; scope: LeaderboardScope; callerId: string; limit?: number },
): Leaderboard {
  return boardOf(engine.store, { ...input, tz: guildZone(engine, input.guildId), now: engine.clock.now() });
}

export function boardOf(store: Database, query: LeaderboardQuery): Leaderboard {
  const { guildId, period, scope, callerId, tz, now } = query;
  const limit = query.limit ?? 10;
  const { start, end } = periodBounds(period, now, tz);

  if (period !== 'all' && start && end) {
    ensureBoardPeriod(store, guildId, period, { start, end }, { right: POINTS_RIGHT, wrong: POINTS_WRONG });
  }
  const caller = scope === 'groups' ? (groupOfPerson(store, guildId, callerId)?.id ?? null) : callerId;

  // Member figures are plain column reads, cheaper to read again than to copy; group sums are not.
  const columns = columnsFor(period);
  const text = scope === 'members' ? rankedSql(memberFigures(columns), false) : rankedSql(groupFigures(columns), true);
  const ranked = preparedSql(store, text).all({ guild: guildId, limit, caller }) as RankedRow[];

  const ids = [...new Set(ranked.map((row) => row.id))];
  const streaks = scope === 'members' ? streaksFor(store, ids.map(String), tz, now) : null;
  const groups = scope === 'groups' ? groupDetails(store, ids.map(Number)) : null;
  const toRow = (row: RankedRow): LeaderboardRow => {
    const id = String(row.id);
    const group = groups?.get(Number(row.id));
    return {
      rank: row.rank,
      id,
      ...(group ? { name: group.name, members: group.members } : {}),
      points: row.points,
      correct: row.correct,
      attempts: row.attempts,
      accuracy: row.attempts === 0 ? 0 : row.correct / row.attempts,
      streak: streaks ? (streaks.get(id) ?? 0) : null,
    };
  };
  const rows = ranked.filter((row) => row.isCaller === 0).sort((a, b) => a.rank - b.rank);
  const callerRow = ranked.find((row) => row.isCaller === 1);
  return { period, start, end, rows: rows.map(toRow), caller: callerRow ? toRow(callerRow) : null };
}
