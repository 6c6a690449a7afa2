import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema.js';

export type Db = BetterSQLite3Database<typeof schema>;

/** The store every repository and rule takes: the raw connection (for prepared SQL) and drizzle over it. */
export interface Database {
  sqlite: BetterSqlite3.Database;
  db: Db;
  close(): void;
}

// From src/db/ (or dist/db/ once built) the package root is two levels up; the cwd may be anything.
const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../migrations', import.meta.url));

/** Opens (creating if needed) the database at `path`, or ':memory:', and brings its schema up to date. */
export function openDatabase(path: string): Database {
  const inMemory = path === ':memory:' || path === '';
  if (!inMemory) mkdirSync(dirname(path), { recursive: true });
  const sqlite = new BetterSqlite3(path);
  try {
    // New files only (must precede the first write). An answer changes about seven B-tree pages, and
    // WAL mode writes each changed page whole, then flushes it at the checkpoint: 1 KB pages make that
    // about 7 KB per answer instead of 28 KB (measured +20% answers/s). Rows here are far below 1 KB,
    // so reads lose little.
    sqlite.pragma('page_size = 1024');
    // WAL lets the leaderboard read while an answer is being written (memory dbs cannot use it).
    if (!inMemory) sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('busy_timeout = 5000');
    // NORMAL in WAL mode survives a process crash (kill -9, OOM) with every committed answer intact;
    // only an OS crash or power loss can drop the last commits. FULL would add an fsync per answer.
    sqlite.pragma('synchronous = NORMAL');
    // Checkpoint (copy the WAL back into the file, with two fsyncs) every 40,000 pages (~40 MB), not
    // 1,000: a page that many answers rewrite is copied once per checkpoint, and the fsyncs come less
    // often. Measured at a third of the time per answer with the default; the price is a ~0.1 s pause
    // every few thousand answers and a WAL file of up to ~40 MB.
    if (!inMemory) sqlite.pragma('wal_autocheckpoint = 40000');
    applyMigrations(sqlite);
    return { sqlite, db: drizzle(sqlite, { schema }), close: () => sqlite.close() };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/**
 * Brings the schema up to date (already applied migrations are skipped), leaving foreign keys ON.
 *
 * drizzle-kit rebuilds a table (create new, copy, drop old, rename) for many changes; with foreign keys
 * on, dropping the old table would cascade-delete the child rows inside the migrator's transaction.
 * So keys are off while migrating (the pragma is a no-op inside a transaction, hence before it) and
 * checked afterwards instead.
 */
export function applyMigrations(sqlite: BetterSqlite3.Database, migrationsFolder = MIGRATIONS_FOLDER): void {
  sqlite.pragma('foreign_keys = OFF');
  try {
    migrate(drizzle(sqlite), { migrationsFolder });
    const broken = sqlite.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) {
      throw new Error(`migrations left rows with broken foreign keys: ${JSON.stringify(broken)}`);
    }
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
}
