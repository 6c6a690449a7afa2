import type { Database } from '../db/connection.js';
import type { Clock } from './clock.js';
import type { Content } from './content.js';

/** Settings that decide for people who decided nothing: the zone for study days, the exam studied. */
export interface EngineDefaults {
  timeZone: string;
  exam: string;
}

/** What every engine operation needs: content, store, clock, random source (tests fix the last two) and defaults. */
export interface Engine {
  content: Content;
  store: Database;
  clock: Clock;
  random: () => number;
  defaults: EngineDefaults;
}
