import type BetterSqlite3 from 'better-sqlite3';
import type { Database } from '../db/connection.js';
import { groupOfPerson } from '../db/groups.js';
import { localDate, periodBounds, type Period } from './calendar.js';
import { POINTS_RIGHT, POINTS_WRONG } from './points.js';
import { currentStreak } from './streak.js';

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
  /** The caller's row (their group's, for groups) wherever it ranks; null if not on this board. */
  caller: LeaderboardRow | null;
}

interface RankedRow {
  rank: number;
  id: string | number;
  name: string | null;
  points: number;
  correct: number;
  attempts: number;
}

// Figures per member for the period. Week and month read only the covering index
// attempts_board_idx (guild_id, answered_at, person_id, correct); all time reads the running totals.
const PERIOD_MEMBERS = `
  SELECT person_id AS id, count(*) AS attempts, sum(correct) AS correct,
         sum(correct) * ${POINTS_RIGHT} + (count(*) - sum(correct)) * ${POINTS_WRONG} AS points
  FROM attempts
  WHERE guild_id = :guild AND answered_at >= :start AND answered_at < :end
  GROUP BY person_id`;
const ALL_TIME_MEMBERS = `
  SELECT person_id AS id, attempts, correct, points FROM member_totals WHERE guild_id = :guild`;

// Ties: more points, then more right answers, then fewer answers (better accuracy), then id, so the
// order never depends on the query plan. row_number over the whole board gives the caller's exact rank.
const RANK = 'row_number() OVER (ORDER BY points DESC, correct DESC, attempts ASC, id ASC)';

function membersSql(members: string): string {
  return `
    WITH totals AS (${members})
    SELECT * FROM (SELECT id, NULL AS name, points, correct, attempts, ${RANK} AS rank FROM totals)
    WHERE rank <= :limit OR id = :caller
    ORDER BY rank`;
}

function groupsSql(members: string): string {
  return `
    WITH totals AS (${members}),
    groups AS (
      SELECT gm.group_id AS id, sum(t.points) AS points, sum(t.correct) AS correct, sum(t.attempts) AS attempts
      FROM totals t JOIN group_members gm ON gm.guild_id = :guild AND gm.person_id = t.id
      GROUP BY gm.group_id
    )
    SELECT r.*, g.name,
           (SELECT count(*) FROM group_members m WHERE m.group_id = r.id) AS members
    FROM (SELECT id, points, correct, attempts, ${RANK} AS rank FROM groups) r
    JOIN study_groups g ON g.id = r.id
    WHERE r.rank <= :limit OR r.id = :caller
    ORDER BY r.rank`;
}

const statements = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

// Compiling these CTEs costs about as much as running a small board, so each is prepared once per connection.
function prepared(sqlite: BetterSqlite3.Database, text: string): BetterSqlite3.Statement {
  let cache = statements.get(sqlite);
  if (!cache) {
    cache = new Map();
    statements.set(sqlite, cache);
  }
  let statement = cache.get(text);
  if (!statement) {
    statement = sqlite.prepare(text);
    cache.set(text, statement);
  }
  return statement;
}

function boardSql(period: Period, scope: LeaderboardScope): string {
  const members = period === 'all' ? ALL_TIME_MEMBERS : PERIOD_MEMBERS;
  return scope === 'members' ? membersSql(members) : groupsSql(members);
}

/** Current streaks for the listed people, each judged by today in their own zone (else the guild's). */
function streaksFor(store: Database, ids: string[], tz: string, now: Date): Map<string, number> {
  const rows = prepared(
    store.sqlite,
    `SELECT s.person_id AS id, s.current, s.best, s.last_day AS lastDay, p.time_zone AS timeZone
     FROM streaks s JOIN people p ON p.id = s.person_id
     WHERE s.person_id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as { id: string; current: number; best: number; lastDay: string; timeZone: string | null }[];
  return new Map(rows.map((row) => [row.id, currentStreak(row, localDate(now, row.timeZone ?? tz)).current]));
}

/** A guild's board for this week, this month or all time, for members or study groups. */
export function leaderboard(store: Database, query: LeaderboardQuery): Leaderboard {
  const { guildId, period, scope, callerId, tz, now } = query;
  const limit = query.limit ?? 10;
  const { start, end } = periodBounds(period, now, tz);

  let caller: string | number | null = callerId;
  if (scope === 'groups') caller = groupOfPerson(store, guildId, callerId)?.id ?? null;

  const params: Record<string, string | number | null> = { guild: guildId, limit, caller };
  if (start && end) Object.assign(params, { start: start.getTime(), end: end.getTime() });
  const ranked = prepared(store.sqlite, boardSql(period, scope)).all(params) as (RankedRow & { members?: number })[];

  const streaks =
    scope === 'members' ? streaksFor(store, ranked.map((row) => String(row.id)), tz, now) : new Map<string, number>();
  const toRow = (row: RankedRow & { members?: number }): LeaderboardRow => {
    const id = String(row.id);
    return {
      rank: row.rank,
      id,
      ...(row.name !== null ? { name: row.name } : {}),
      points: row.points,
      correct: row.correct,
      attempts: row.attempts,
      accuracy: row.attempts === 0 ? 0 : row.correct / row.attempts,
      streak: scope === 'members' ? (streaks.get(id) ?? 0) : null,
      ...(row.members !== undefined ? { members: row.members } : {}),
    };
  };
  const rows = ranked.filter((row) => row.rank <= limit).map(toRow);
  const callerRow = ranked.find((row) => caller !== null && String(row.id) === String(caller));
  return { period, start, end, rows, caller: callerRow ? toRow(callerRow) : null };
}
