import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations, openDatabase } from '../../src/db/connection.js';
import { ensurePerson, getPerson } from '../../src/db/people.js';
import { openTempDatabase, tempDir } from './temp.js';

const at = new Date('2025-03-10T08:00:00Z');

describe('openDatabase', () => {
  it('creates the parent folder and migrates a fresh file', () => {
    const path = join(tempDir(), 'nested', 'deeper', 'tutor.db');
    const store = openDatabase(path);
    try {
      expect(existsSync(path)).toBe(true);
      const tables = store.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all();
      expect(tables).toEqual(
        expect.arrayContaining([
          'attempts',
          'cards',
          'daily_posts',
          'group_members',
          'guild_settings',
          'member_totals',
          'people',
          'sessions',
          'streaks',
          'study_groups',
        ]),
      );
    } finally {
      store.close();
    }
  });

  it('reopening runs no migration again and keeps the rows', () => {
    const first = openTempDatabase();
    ensurePerson(first, 'u1', at);
    const applied = first.sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get();
    first.close();

    const second = openDatabase(first.path);
    try {
      expect(second.sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()).toBe(applied);
      expect(getPerson(second, 'u1')).toMatchObject({ id: 'u1', createdAt: at });
    } finally {
      second.close();
    }
  });

  it('turns on WAL, foreign keys, a busy timeout and NORMAL sync', () => {
    const store = openTempDatabase();
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(store.sqlite.pragma('synchronous', { simple: true })).toBe(1);
    expect(() =>
      store.sqlite.prepare(`INSERT INTO streaks (person_id, current, best, last_day) VALUES ('nobody', 1, 1, '2025-01-01')`).run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('opens an in-memory database', () => {
    const store = openDatabase(':memory:');
    try {
      ensurePerson(store, 'local', at);
      expect(getPerson(store, 'local')?.id).toBe('local');
      expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      store.close();
    }
  });
});

describe('applyMigrations', () => {
  /** A migrations folder in drizzle-kit's layout. */
  function migrationsFolder(steps: string[][]): string {
    const dir = tempDir();
    mkdirSync(join(dir, 'meta'));
    const entries = steps.map((statements, idx) => {
      const tag = `000${idx}_step`;
      writeFileSync(join(dir, `${tag}.sql`), statements.join('\n--> statement-breakpoint\n'));
      return { idx, version: '6', when: 1_700_000_000_000 + idx, tag, breakpoints: true };
    });
    writeFileSync(join(dir, 'meta', '_journal.json'), JSON.stringify({ version: '7', dialect: 'sqlite', entries }));
    return dir;
  }

  it('keeps child rows when a migration rebuilds their parent table, as drizzle-kit does', () => {
    const folder = migrationsFolder([
      [
        'CREATE TABLE parent (id text PRIMARY KEY NOT NULL);',
        'CREATE TABLE child (id integer PRIMARY KEY, parent_id text NOT NULL REFERENCES parent(id) ON DELETE cascade);',
        `INSERT INTO parent VALUES ('p');`,
        `INSERT INTO child (parent_id) VALUES ('p');`,
      ],
      [
        'CREATE TABLE __new_parent (id text PRIMARY KEY NOT NULL, note text);',
        'INSERT INTO __new_parent (id) SELECT id FROM parent;',
        'DROP TABLE parent;',
        'ALTER TABLE __new_parent RENAME TO parent;',
      ],
    ]);
    const sqlite = new BetterSqlite3(':memory:');
    try {
      sqlite.pragma('foreign_keys = ON');
      applyMigrations(sqlite, folder);
      expect(sqlite.prepare('SELECT count(*) FROM child').pluck().get()).toBe(1);
      expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      sqlite.close();
    }
  });

  it('refuses a migration that leaves dangling foreign keys, naming the rows', () => {
    const folder = migrationsFolder([
      [
        'CREATE TABLE parent (id text PRIMARY KEY NOT NULL);',
        'CREATE TABLE child (id integer PRIMARY KEY, parent_id text NOT NULL REFERENCES parent(id));',
        `INSERT INTO child (parent_id) VALUES ('missing');`,
      ],
    ]);
    const sqlite = new BetterSqlite3(':memory:');
    try {
      expect(() => applyMigrations(sqlite, folder)).toThrow(/broken foreign keys.*"table":"child"/);
      expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      sqlite.close();
    }
  });
});
