import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openDatabase, type Database } from '../../src/db/connection.js';

const cleanups: (() => void)[] = [];

afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

/** A fresh temp folder, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tutor-store-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A migrated database in a temp file (WAL, like production), closed after the test. */
export function openTempDatabase(name = 'tutor.db'): Database & { path: string } {
  const path = join(tempDir(), name);
  const store = openDatabase(path);
  cleanups.push(() => {
    if (store.sqlite.open) store.close();
  });
  return Object.assign(store, { path });
}

/** A migrated in-memory database, closed after the test. */
export function openMemoryDatabase(): Database {
  const store = openDatabase(':memory:');
  cleanups.push(() => {
    if (store.sqlite.open) store.close();
  });
  return store;
}
