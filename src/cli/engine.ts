import { systemClock } from '../clock.js';
import { openDatabase } from '../db/connection.js';
import type { Engine } from '../engine.js';
import type { CliContext } from './main.js';

/**
 * The terminal's engine: the shared content, the database of --db, real time. Commands that only read
 * open the file read-only, so they work on a database they may not write and never change it.
 */
export function openEngine(ctx: CliContext, options: { readonly?: boolean } = {}): Engine & { close(): void } {
  const content = ctx.content();
  const store = openDatabase(ctx.dbPath, options);
  return { content, store, clock: systemClock, random: Math.random, close: () => store.close() };
}
