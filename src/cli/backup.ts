import { existsSync } from 'node:fs';
import { backupDatabase, openStore } from '../study/index.js';
import type { CliContext } from './context.js';
import { out, UsageError } from './io.js';

/** `tutor backup FILE`: an online copy through SQLite's backup API, consistent even while the bot writes. */
export async function backupCommand(ctx: CliContext): Promise<number> {
  const [file] = ctx.args;
  if (!file) throw new UsageError('backup needs a file: tutor backup backups/tutor-2026-11-25.db');
  if (existsSync(file)) throw new UsageError(`${file} exists; choose a new file so no backup is overwritten`);
  if (!existsSync(ctx.dbPath)) throw new UsageError(`no database at ${ctx.dbPath} (set --db or DATABASE_PATH)`);
  // Read-only: a backup copies the file as it is, never migrating or otherwise writing the source.
  const store = openStore(ctx.dbPath, { readonly: true });
  try {
    const { pages } = await backupDatabase(store, file);
    out(
      `Backed up ${ctx.dbPath} to ${file} (${pages} pages). Restore: stop the bot, copy it over ${ctx.dbPath}, delete ${ctx.dbPath}-wal and -shm.`,
    );
    return 0;
  } finally {
    store.close();
  }
}
