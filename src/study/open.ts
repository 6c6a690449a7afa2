import { systemClock, type Clock } from '../core/clock.js';
import type { Content } from '../core/content.js';
import type { Engine, EngineDefaults } from '../core/engine.js';
import { openDatabase, type Database, type OpenOptions } from '../db/connection.js';

/** An engine over an open store. */
export function createEngine(content: Content, store: Database, defaults: EngineDefaults, clock: Clock = systemClock): Engine {
  return { content, store, clock, random: Math.random, defaults };
}

/** Opens the database at `path` (read-only if asked) and builds the engine over it. */
export function openEngine(
  content: Content,
  path: string,
  defaults: EngineDefaults,
  options: OpenOptions = {},
): Engine & { close(): void } {
  const store = openDatabase(path, options);
  return { ...createEngine(content, store, defaults), close: () => store.close() };
}
