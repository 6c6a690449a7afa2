import type { Clock } from './clock.js';
import type { Content } from './content.js';
import type { Database } from './db/connection.js';

/** What every engine operation needs: the content, the store, a clock and a random source (tests fix both). */
export interface Engine {
  content: Content;
  store: Database;
  clock: Clock;
  random: () => number;
}

/** Why an engine call refused: shown to the person as is, so phrased for them. */
export interface Refusal {
  ok: false;
  reason: 'not-found' | 'not-owner' | 'stale' | 'finished' | 'empty' | 'invalid' | 'expired' | 'unfinished';
  message: string;
}

export function refuse(reason: Refusal['reason'], message: string): Refusal {
  return { ok: false, reason, message };
}
