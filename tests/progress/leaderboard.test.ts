import { describe, expect, it } from 'vitest';
import { fixedClock } from '../helpers/clock.js';
import type { Database } from '../../src/db/connection.js';
import { createGroup, joinGroup, leaveGroup } from '../../src/db/groups.js';
import { periodBounds, type Period } from '../../src/progress/calendar.js';
import { boardOf, type LeaderboardQuery } from '../../src/study/leaderboard.js';
import { recordAnswer } from '../../src/study/record-answer.js';
import { openMemoryDatabase, openTempDatabase } from '../db/temp.js';
import { answer } from './answers.js';

const GUILD = '900000000000000000';
const TZ = 'Europe/Berlin';

let refs = 0;
/** Records `right` right and `wrong` wrong answers for a person at an instant. */
function study(store: Database, personId: string, iso: string, right: number, wrong = 0): void {
  const clock = fixedClock(iso);
  const sourceRef = `s${++refs}`;
  for (let step = 0; step < right + wrong; step++) {
    recordAnswer(store, answer({ personId, guildId: GUILD, zone: TZ, sourceRef, step, correct: step < right }), clock);
  }
}

function board(store: Database, overrides: Partial<LeaderboardQuery> = {}) {
  return boardOf(store, {
    guildId: GUILD,
    period: 'week',
    scope: 'members',
    callerId: 'nobody',
    tz: TZ,
    now: new Date('2025-03-31T10:00:00Z'),
    ...overrides,
  });
}

describe('leaderboard periods', () => {
  it('the week starts Monday 00:00 in the guild zone and says when it resets', () => {
    const store = openMemoryDatabase();
    study(store, 'ann', '2025-03-30T21:30:00Z', 3); // Sunday 23:30 in Berlin: last week
    study(store, 'ann', '2025-03-30T22:30:00Z', 1); // Monday 00:30 in Berlin: this week
    study(store, 'bob', '2025-03-29T10:00:00Z', 5); // Saturday: last week
    const week = board(store);
    expect(week.start?.toISOString()).toBe('2025-03-30T22:00:00.000Z');
    expect(week.end?.toISOString()).toBe('2025-04-06T22:00:00.000Z');
    expect(week.rows).toEqual([{ rank: 1, id: 'ann', points: 10, correct: 1, attempts: 1, accuracy: 1, streak: 2 }]);
  });

  it('month and all time count what the week does not', () => {
    const store = openMemoryDatabase();
    study(store, 'ann', '2025-02-28T22:30:00Z', 1); // 23:30 on 28 Feb in Berlin
    study(store, 'ann', '2025-02-28T23:30:00Z', 2); // 00:30 on 1 March in Berlin
    study(store, 'ann', '2025-03-31T08:00:00Z', 0, 1);
    const month = board(store, { period: 'month' });
    expect(month.start?.toISOString()).toBe('2025-02-28T23:00:00.000Z');
    expect(month.end?.toISOString()).toBe('2025-03-31T22:00:00.000Z');
    expect(month.rows[0]).toMatchObject({ points: 21, correct: 2, attempts: 3 });
    expect(board(store, { period: 'all' }).rows[0]).toMatchObject({ points: 31, correct: 3, attempts: 4 });
    expect(board(store, { period: 'all' })).toMatchObject({ start: null, end: null });
  });

  it('a new week starts empty', () => {
    const store = openMemoryDatabase();
    study(store, 'ann', '2025-03-31T08:00:00Z', 2);
    expect(board(store, { now: new Date('2025-04-06T21:59:59Z') }).rows).toHaveLength(1);
    expect(board(store, { now: new Date('2025-04-06T22:00:00Z') }).rows).toHaveLength(0);
  });
});

describe('leaderboard ranking', () => {
  it('breaks ties by right answers, then fewer answers, then id', () => {
    const store = openMemoryDatabase();
    study(store, 'yan', '2025-03-31T08:00:00Z', 1, 10); // 20 points, 1 right
    study(store, 'xia', '2025-03-31T08:00:00Z', 2); // 20 points, 2 right
    study(store, 'wes', '2025-03-31T08:00:00Z', 1, 1); // 11 points, 1 right, 2 answers
    study(store, 'zed', '2025-03-31T08:00:00Z', 1); // 10 points
    study(store, 'vic', '2025-03-31T08:00:00Z', 1); // 10 points, same figures as zed
    study(store, 'uma', '2025-03-31T08:00:00Z', 0, 11); // 11 points, 0 right
    const rows = board(store).rows.map((row) => [row.rank, row.id, row.points]);
    expect(rows).toEqual([
      [1, 'xia', 20],
      [2, 'yan', 20],
      [3, 'wes', 11],
      [4, 'uma', 11],
      [5, 'vic', 10],
      [6, 'zed', 10],
    ]);
  });

  it('shows the caller’s exact rank outside the top ten', () => {
    const store = openMemoryDatabase();
    for (let i = 1; i <= 15; i++) study(store, `p${String(i).padStart(2, '0')}`, '2025-03-31T08:00:00Z', 16 - i);
    const result = board(store, { callerId: 'p13' });
    expect(result.rows).toHaveLength(10);
    expect(result.rows.map((row) => row.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(result.caller).toMatchObject({ rank: 13, id: 'p13', points: 30 });
    expect(board(store, { callerId: 'p02' }).caller).toEqual(board(store).rows[1]);
    expect(board(store, { callerId: 'never-answered' }).caller).toBeNull();
    expect(board(store, { callerId: 'p13', limit: 3 }).rows).toHaveLength(3);
  });

  it('a double click counts once', () => {
    const store = openMemoryDatabase();
    const clock = fixedClock('2025-03-31T08:00:00Z');
    const click = answer({ personId: 'ann', guildId: GUILD, zone: TZ, sourceRef: 'daily-7', source: 'daily' });
    recordAnswer(store, click, clock);
    recordAnswer(store, click, clock);
    for (const period of ['week', 'month', 'all'] as const) {
      expect(board(store, { period }).rows[0]).toMatchObject({ points: 10, attempts: 1 });
    }
  });

  it('only counts answers given in this guild', () => {
    const store = openMemoryDatabase();
    study(store, 'ann', '2025-03-31T08:00:00Z', 1);
    recordAnswer(store, answer({ personId: 'bob', guildId: 'other-guild' }), fixedClock('2025-03-31T08:00:00Z'));
    recordAnswer(store, answer({ personId: 'cy', guildId: null }), fixedClock('2025-03-31T08:00:00Z'));
    expect(board(store).rows.map((row) => row.id)).toEqual(['ann']);
  });

  it('shows each member’s current streak', () => {
    const store = openMemoryDatabase();
    study(store, 'ann', '2025-03-29T08:00:00Z', 1);
    study(store, 'ann', '2025-03-30T08:00:00Z', 1);
    study(store, 'ann', '2025-03-31T08:00:00Z', 1);
    study(store, 'bob', '2025-03-27T08:00:00Z', 1); // missed since: 0 now
    study(store, 'bob', '2025-03-31T08:00:00Z', 0, 1);
    const all = board(store, { period: 'all' }).rows;
    expect(all.map((row) => [row.id, row.streak])).toEqual([
      ['ann', 3],
      ['bob', 1],
    ]);
    const later = board(store, { period: 'all', now: new Date('2025-04-02T10:00:00Z') }).rows;
    expect(later.map((row) => row.streak)).toEqual([0, 0]);
  });
});

describe('group leaderboard', () => {
  it('sums members’ figures per group and finds the caller’s group', () => {
    const store = openMemoryDatabase();
    const now = new Date('2025-03-20T00:00:00Z');
    createGroup(store, { guildId: GUILD, name: 'Night Owls', createdBy: 'ann' }, now);
    joinGroup(store, { guildId: GUILD, personId: 'bob', name: 'night owls' }, now);
    createGroup(store, { guildId: GUILD, name: 'Early Birds', createdBy: 'cy' }, now);
    study(store, 'ann', '2025-03-31T08:00:00Z', 2); // 20
    study(store, 'bob', '2025-03-31T08:00:00Z', 1, 1); // 11
    study(store, 'cy', '2025-03-31T08:00:00Z', 3); // 30
    study(store, 'dee', '2025-03-31T08:00:00Z', 9); // in no group
    const result = board(store, { scope: 'groups', callerId: 'bob' });
    expect(result.rows).toEqual([
      expect.objectContaining({ rank: 1, name: 'Night Owls', points: 31, correct: 3, attempts: 4, members: 2, streak: null }),
      expect.objectContaining({ rank: 2, name: 'Early Birds', points: 30, correct: 3, attempts: 3, members: 1 }),
    ]);
    expect(result.caller).toEqual(result.rows[0]);
    expect(board(store, { scope: 'groups', callerId: 'dee' }).caller).toBeNull();
  });
});

describe('group leaderboard follows membership', () => {
  it('moving, leaving and a deleted group carry a member’s figures along', () => {
    const store = openMemoryDatabase();
    const now = new Date('2025-03-20T00:00:00Z');
    createGroup(store, { guildId: GUILD, name: 'A', createdBy: 'ann' }, now);
    createGroup(store, { guildId: GUILD, name: 'B', createdBy: 'bob' }, now);
    study(store, 'ann', '2025-03-31T08:00:00Z', 2); // 20
    study(store, 'bob', '2025-03-31T08:00:00Z', 1); // 10
    const groups = (period: Period = 'week') =>
      board(store, { scope: 'groups', period }).rows.map((row) => [row.name, row.points, row.members]);
    expect(groups()).toEqual([
      ['A', 20, 1],
      ['B', 10, 1],
    ]);

    joinGroup(store, { guildId: GUILD, personId: 'ann', name: 'B' }, now);
    expect(groups()).toEqual([['B', 30, 2]]);
    expect(groups('all')).toEqual([['B', 30, 2]]);

    leaveGroup(store, GUILD, 'bob');
    expect(groups()).toEqual([['B', 20, 1]]);

    // A member who joins before ever answering counts from their first answer.
    joinGroup(store, { guildId: GUILD, personId: 'cy', name: 'A' }, now);
    expect(groups()).toEqual([['B', 20, 1]]);
    study(store, 'cy', '2025-03-31T09:00:00Z', 0, 3);
    expect(groups()).toEqual([
      ['B', 20, 1],
      ['A', 3, 1],
    ]);

    store.sqlite.prepare(`DELETE FROM study_groups WHERE name = 'B'`).run();
    expect(groups()).toEqual([['A', 3, 1]]);
    expect(board(store).rows.map((row) => row.id)).toEqual(['ann', 'bob', 'cy']); // members unaffected
  });
});

describe('period boards stay exact', () => {
  /** The board by definition: every answer in [start, end), straight from the table. */
  function expected(store: Database, period: Period, now: Date) {
    const { start, end } = periodBounds(period, now, TZ);
    return store.sqlite
      .prepare(
        `SELECT person_id AS id, sum(correct) * 10 + count(*) - sum(correct) AS points, count(*) AS attempts
         FROM attempts WHERE guild_id = ? AND answered_at >= ? AND answered_at < ?
         GROUP BY person_id ORDER BY points DESC, sum(correct) DESC, attempts ASC, id ASC`,
      )
      .all(GUILD, start?.getTime() ?? 0, end?.getTime() ?? Number.MAX_SAFE_INTEGER);
  }
  const actual = (store: Database, period: Period, now: Date) =>
    board(store, { period, now, limit: 100 }).rows.map(({ id, points, attempts }) => ({ id, points, attempts }));

  it('match a direct count over the answers as answers keep coming', () => {
    const store = openTempDatabase();
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const start = Date.parse('2025-02-20T00:00:00Z');
    for (let hour = 0; hour < 24 * 40; hour += 7) {
      const now = new Date(start + hour * 3_600_000);
      study(store, `p${Math.floor(random() * 12)}`, now.toISOString(), Math.floor(random() * 3), Math.floor(random() * 2));
      if (hour % 5 === 0) {
        for (const period of ['week', 'month'] as const) expect(actual(store, period, now)).toEqual(expected(store, period, now));
      }
    }
  });

  it('a board for a past period, and an answer stamped in the past, are still right', () => {
    const store = openMemoryDatabase();
    study(store, 'ann', '2025-03-25T08:00:00Z', 1);
    study(store, 'ann', '2025-03-31T08:00:00Z', 2);
    const thisWeek = new Date('2025-03-31T10:00:00Z');
    const lastWeek = new Date('2025-03-26T10:00:00Z');
    expect(actual(store, 'week', thisWeek)).toEqual(expected(store, 'week', thisWeek));
    expect(actual(store, 'week', lastWeek)).toEqual(expected(store, 'week', lastWeek));
    // A clock set back records into last week after this week's board was taken.
    expect(actual(store, 'week', thisWeek)).toEqual([{ id: 'ann', points: 20, attempts: 2 }]);
    study(store, 'bob', '2025-03-27T08:00:00Z', 1);
    expect(actual(store, 'week', thisWeek)).toEqual(expected(store, 'week', thisWeek));
    expect(actual(store, 'week', lastWeek)).toEqual(expected(store, 'week', lastWeek));
    expect(actual(store, 'month', thisWeek)).toEqual(expected(store, 'month', thisWeek));
  });
});
