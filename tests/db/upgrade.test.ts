import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations, openDatabase } from '../../src/db/connection.js';
import { boardOf } from '../../src/study/leaderboard.js';
import { tempDir } from './temp.js';

const migrations = fileURLToPath(new URL('../../migrations', import.meta.url));

/** A copy of migrations/ cut after its first `count` entries: the schema as an older release had it. */
function firstMigrations(count: number): string {
  const dir = join(tempDir(), 'migrations');
  cpSync(migrations, dir, { recursive: true });
  const journalFile = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: unknown[] };
  writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, count) }));
  return dir;
}

describe('upgrading a database made by the first release', () => {
  it('keeps answers, totals and groups, and the group board works at once', () => {
    const path = join(tempDir(), 'old.db');
    const old = new BetterSqlite3(path);
    old.pragma('journal_mode = WAL');
    applyMigrations(old, firstMigrations(1));
    old.exec(`
      INSERT INTO people (id, created_at) VALUES ('ann', 0), ('bob', 0);
      INSERT INTO attempts (person_id, guild_id, question_id, section_id, domain, chosen, correct, source,
                            source_ref, step, answered_at)
      VALUES ('ann', 'g', 'q1', 's', 'eda', 'A', 1, 'quiz', 's1', 0, ${Date.parse('2025-03-31T08:00:00Z')});
      INSERT INTO member_totals (guild_id, person_id, attempts, correct, points) VALUES ('g', 'ann', 1, 1, 10);
      INSERT INTO study_groups (guild_id, name, name_key, created_by, created_at) VALUES ('g', 'Owls', 'owls', 'ann', 0);
      INSERT INTO group_members (group_id, guild_id, person_id, joined_at) VALUES (1, 'g', 'ann', 0), (1, 'g', 'bob', 0);
    `);
    old.close();

    const store = openDatabase(path);
    try {
      expect(store.sqlite.prepare('SELECT count(*) FROM attempts').pluck().get()).toBe(1);
      expect(store.sqlite.prepare(`SELECT person_id, group_id, points FROM member_totals ORDER BY person_id`).all()).toEqual([
        { person_id: 'ann', group_id: 1, points: 10 },
        { person_id: 'bob', group_id: 1, points: 0 },
      ]);
      const query = { guildId: 'g', callerId: 'bob', tz: 'UTC', now: new Date('2025-03-31T12:00:00Z') };
      expect(boardOf(store, { ...query, period: 'week', scope: 'groups' }).caller).toMatchObject({
        name: 'Owls',
        points: 10,
        members: 2,
      });
      expect(boardOf(store, { ...query, period: 'all', scope: 'members' }).rows).toHaveLength(1);
    } finally {
      store.close();
    }
  });
});

describe('upgrading a database made by the release before several exams (migrations 0000-0002)', () => {
  it('keeps answers and open sessions, and gains exam choices, daily retries and the digest', () => {
    const path = join(tempDir(), 'release.db');
    const old = new BetterSqlite3(path);
    old.pragma('journal_mode = WAL');
    applyMigrations(old, firstMigrations(3));
    old.exec(`
      INSERT INTO people (id, time_zone, created_at) VALUES ('ann', 'Europe/Berlin', 0);
      INSERT INTO guild_settings (guild_id, daily_channel_id, enabled, updated_at) VALUES ('g', 'c', 1, 0);
      INSERT INTO daily_posts (guild_id, day, question_id, channel_id, posted_at) VALUES ('g', '2026-11-01', 'kinesis-001', 'c', 0);
      INSERT INTO sessions (id, person_id, kind, question_ids, answers, options, started_at) VALUES ('s1abcdef', 'ann', 'quiz', '["kinesis-001"]', '[null]', '{"mode":"adaptive"}', 0);
    `);
    old.close();

    const store = openDatabase(path);
    try {
      expect(store.sqlite.prepare('SELECT id, time_zone, exam FROM people').get()).toEqual({
        id: 'ann',
        time_zone: 'Europe/Berlin',
        exam: null,
      });
      expect(store.sqlite.prepare('SELECT exam, digest_day FROM guild_settings').get()).toEqual({ exam: null, digest_day: null });
      expect(store.sqlite.prepare('SELECT send_attempts, last_error FROM daily_posts').get()).toEqual({
        send_attempts: 0,
        last_error: null,
      });
      expect(store.sqlite.prepare('SELECT count(*) FROM digest_posts').pluck().get()).toBe(0);
      expect(store.sqlite.prepare('SELECT options FROM sessions').pluck().get()).toBe('{"mode":"adaptive"}');
    } finally {
      store.close();
    }
  });
});
