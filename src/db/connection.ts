import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as z from 'zod';
import { packagePath } from '../paths.js';
import { explainStoreError, StoreError } from './store-error.js';
import * as schema from './schema.js';

export { StoreError } from './store-error.js';

export type Db = BetterSQLite3Database<typeof schema>;

/** The store every repository and rule takes: the raw connection (for prepared SQL) and drizzle over it. */
export interface Database {
  sqlite: BetterSqlite3.Database;
  db: Db;
  /** The file behind the connection; null for a memory database (or a read-only copy in memory). */
  path: string | null;
  close(): void;
}

export interface OpenOptions {
  /**
   * Never write the file: for commands that only read (stats, weak, backup's source). A missing file
   * reads as an empty store; a file from an older release is upgraded in a memory copy, not on disk.
   */
  readonly?: boolean;
}

const MIGRATIONS_FOLDER = packagePath('migrations');

/**
 * Opens (creating if needed) the database at `path`, or ':memory:', and brings its schema up to date.
 * A file the tutor cannot use (a folder, damaged, read-only, written by a newer release) fails here
 * with a StoreError whose one line names the file and the cause, before anything else starts.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Database {
  const inMemory = path === ':memory:' || path === '';
  if (options.readonly && !inMemory) return openReadOnly(path);
  if (!inMemory) {
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch (error) {
      throw new StoreError(path, explainStoreError(path, error));
    }
  }
  let sqlite: BetterSqlite3.Database | undefined;
  try {
    sqlite = new BetterSqlite3(path);
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
    refuseNewerDatabase(sqlite, path);
    applyMigrations(sqlite);
    if (!inMemory) proveUsable(sqlite);
    return wrap(sqlite, inMemory ? null : path);
  } catch (error) {
    sqlite?.close();
    if (error instanceof StoreError) throw error;
    throw new StoreError(path, explainStoreError(path, error));
  }
}

function wrap(sqlite: BetterSqlite3.Database, path: string | null): Database {
  return { sqlite, db: drizzle(sqlite, { schema }), path, close: () => sqlite.close() };
}

function openReadOnly(path: string): Database {
  if (!existsSync(path)) return openDatabase(':memory:');
  let sqlite: BetterSqlite3.Database | undefined;
  try {
    if (statSync(path).isDirectory()) throw new StoreError(path, `${path} is a folder, not a database file`);
    sqlite = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
    refuseNewerDatabase(sqlite, path);
    if (pendingMigrations(sqlite) === 0) return wrap(sqlite, path);
    // An older release's file: upgrade a copy in memory so the file itself is never written.
    const copy = new BetterSqlite3(sqlite.serialize());
    sqlite.close();
    sqlite = copy;
    applyMigrations(sqlite);
    return wrap(sqlite, null);
  } catch (error) {
    sqlite?.close();
    if (error instanceof StoreError) throw error;
    throw new StoreError(path, explainStoreError(path, error));
  }
}

/**
 * Proves at start that the file is sane and can really be written: SQLite may open a file it cannot
 * write (read-only file or folder, leftover -wal/-shm) and only fail at the first answer.
 */
function proveUsable(sqlite: BetterSqlite3.Database): void {
  const check = sqlite.pragma('quick_check', { simple: true });
  if (check !== 'ok') throw new Error(`SQLite's integrity check failed: ${String(check)}`);
  writeProbe(sqlite, new Date());
}

/** One small committed write: the proof that the store accepts writes right now. */
export function writeProbe(sqlite: BetterSqlite3.Database, now: Date): void {
  sqlite
    .prepare(`INSERT INTO meta (key, value) VALUES ('write_probe', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`)
    .run(now.toISOString());
}

const journalSchema = z.object({ entries: z.array(z.object({ tag: z.string(), when: z.number() })) });

function knownMigrations(folder = MIGRATIONS_FOLDER): { tag: string; when: number }[] {
  return journalSchema.parse(JSON.parse(readFileSync(`${folder}/meta/_journal.json`, 'utf8'))).entries;
}

function appliedMigrations(sqlite: BetterSqlite3.Database): number[] {
  const table = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'`).get();
  if (!table) return [];
  return sqlite.prepare('SELECT created_at FROM __drizzle_migrations').pluck().all() as number[];
}

function pendingMigrations(sqlite: BetterSqlite3.Database): number {
  const applied = new Set(appliedMigrations(sqlite));
  return knownMigrations().filter((m) => !applied.has(m.when)).length;
}

/** A file whose migrations this build does not know was written by a newer release: using it would corrupt it. */
export function refuseNewerDatabase(sqlite: BetterSqlite3.Database, path: string, folder = MIGRATIONS_FOLDER): void {
  const known = new Set(knownMigrations(folder).map((m) => m.when));
  const unknown = appliedMigrations(sqlite).filter((when) => !known.has(when));
  if (unknown.length > 0) {
    throw new StoreError(
      path,
      `${path} was written by a newer version of the tutor (${unknown.length} migration${unknown.length === 1 ? '' : 's'} this version does not know): ` +
        'update the tutor, or point DATABASE_PATH / --db at another file',
    );
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
