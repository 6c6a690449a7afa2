import { systemClock } from '../clock.js';
import { openDatabase } from '../db/connection.js';
import type { Engine } from '../engine.js';
import type { CliContext } from './main.js';

/** The terminal's engine: the shared content, the database of --db, real time. */
export function openEngine(ctx: CliContext): Engine & { close(): void } {
  const content = ctx.content();
  const store = openDatabase(ctx.dbPath);
  return { content, store, clock: systemClock, random: Math.random, close: () => store.close() };
}
