import type BetterSqlite3 from 'better-sqlite3';
import type { Database, Db } from './connection.js';

// Building and compiling a statement costs far more than running it (about 0.1 ms, and an answer runs
// eight), so each connection keeps the statements it has prepared.
const built = new WeakMap<Database, Map<(db: Db) => unknown, unknown>>();
const compiled = new WeakMap<Database, Map<string, BetterSqlite3.Statement>>();

/** A drizzle prepared query, built once per connection. `build` must be module-level: it is the key. */
export function preparedOnce<T>(store: Database, build: (db: Db) => T): T {
  let cache = built.get(store);
  if (!cache) {
    cache = new Map();
    built.set(store, cache);
  }
  if (!cache.has(build)) cache.set(build, build(store.db));
  return cache.get(build) as T;
}

/** A raw statement for SQL drizzle cannot express (INDEXED BY, UPDATE ... FROM, windows), compiled once. */
export function preparedSql(store: Database, text: string): BetterSqlite3.Statement {
  let cache = compiled.get(store);
  if (!cache) {
    cache = new Map();
    compiled.set(store, cache);
  }
  let statement = cache.get(text);
  if (!statement) {
    statement = store.sqlite.prepare(text);
    cache.set(text, statement);
  }
  return statement;
}
