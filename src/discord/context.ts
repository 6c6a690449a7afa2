import type { Config } from '../config.js';
import { getGuildSettings } from '../db/guild-settings.js';
import type { StoreState } from '../db/health.js';
import type { Engine } from '../engine.js';
import type { Logger } from '../logger.js';
import type { RateLimiter } from './rate-limit.js';

/** What every handler gets: the engine and the bot's own services. */
export interface BotContext {
  engine: Engine;
  config: Config;
  log: Logger;
  limiter: RateLimiter;
  /** Posts today's daily question for a guild now (used by /daily now); set once the poster runs. */
  postDailyNow(guildId: string): Promise<{ ok: boolean; message: string }>;
  /** Schedules an update of the "N answered" line of a daily post. */
  refreshDailyPost(postId: number): void;
  /** Whether the database takes writes now (a deleted, replaced or read-only file does not). */
  storeHealth(): StoreState;
  /** A write failed: stop taking answers until the store proves writable again. */
  storeFailed(error: unknown): void;
}

/** The zone a guild studies in: its daily setting, else the bot's default. */
export function guildTimeZone(ctx: BotContext, guildId: string | null): string {
  return (guildId ? getGuildSettings(ctx.engine.store, guildId)?.timeZone : undefined) ?? ctx.config.DEFAULT_TIMEZONE;
}
