import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { Engine, StoreState } from '../study/index.js';
import type { RateLimiter } from './rate-limit.js';

/** What every handler gets: the engine and the bot's own services. */
export interface BotContext {
  engine: Engine;
  config: Config;
  log: Logger;
  limiter: RateLimiter;
  /** Posts today's daily question for a guild now (used by /daily now). */
  postDailyNow(guildId: string): Promise<{ ok: boolean; message: string }>;
  /** Schedules an update of the "N answered" line of a daily post. */
  refreshDailyPost(postId: number): void;
  /** Whether the database takes writes now (a deleted, replaced or read-only file does not). */
  storeHealth(): StoreState;
  /** A write failed: stop taking answers until the store proves writable again. */
  storeFailed(error: unknown): void;
}
