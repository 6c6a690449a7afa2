import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database } from '../db/connection.js';

/**
 * Copies the live database to `file` with SQLite's online backup API, page by page, so it is safe while
 * the bot keeps answering: the copy is one consistent snapshot, and writers are never blocked for long.
 * The copy is a plain single-file database (no -wal needed to read it).
 *
 * Restore: stop the bot; copy the backup over DATABASE_PATH; delete DATABASE_PATH-wal and
 * DATABASE_PATH-shm if present (a stale WAL would be replayed over the restored file); start the bot.
 * Migrations newer than the backup are applied at start.
 */
export async function backupDatabase(store: Database, file: string): Promise<{ pages: number }> {
  mkdirSync(dirname(file), { recursive: true });
  const result = await store.sqlite.backup(file);
  return { pages: result.totalPages };
}
