import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database } from '../db/connection.js';

/**
 * Copies the live database to `file` with SQLite's online backup API, safe while the bot is writing:
 * the copy is one consistent snapshot (answers and totals agree), and the result is a complete
 * database file that opens on its own.
 *
 * After a first small step the rest is copied in one step. SQLite restarts an online backup whenever
 * another connection (another process on the same file) writes between steps, so small steps against a
 * busy writer would never finish; one step reads one snapshot while WAL lets other processes go on
 * writing. It holds this process's event loop for the copy (well under a second for a 200 MB file).
 *
 * Restore: stop the bot; copy the backup over DATABASE_PATH; delete DATABASE_PATH-wal and
 * DATABASE_PATH-shm if they exist (a stale WAL would be replayed on top of the restored file);
 * start the bot, which applies any migrations newer than the backup.
 */
export async function backupDatabase(store: Database, file: string): Promise<{ pages: number }> {
  mkdirSync(dirname(file), { recursive: true });
  const result = await store.sqlite.backup(file, {
    // The largest step better-sqlite3 accepts: "everything that is left", however much the file grew.
    progress: () => 0x7fffffff,
  });
  return { pages: result.totalPages };
}
