import { writeFile } from 'node:fs/promises';
import { Client, disableValidators, Events, GatewayIntentBits } from 'discord.js';
import { fileClock, systemClock } from '../clock.js';
import type { Config } from '../config.js';
import type { Content } from '../content.js';
import { openDatabase } from '../db/connection.js';
import type { Engine } from '../engine.js';
import type { Logger } from '../logger.js';
import type { BotContext } from './context.js';
import { DailyPoster } from './daily-poster.js';
import { RateLimiter } from './rate-limit.js';
import { registerCommands } from './register.js';
import { createRouter } from './router.js';
import { NO_MENTIONS } from './safe-text.js';

export interface RunningBot {
  client: Client;
  /** Stops the scheduler, lets handlers in flight finish their writes, disconnects, closes the database. */
  stop(): Promise<void>;
}

export async function startBot(config: Config & { DISCORD_TOKEN: string }, content: Content, log: Logger): Promise<RunningBot> {
  // The builders re-check every field at run time; the renderers are held to Discord's limits by the
  // unit tests (all shipped content, validators on) and the end-to-end fake, so the bot skips the cost.
  disableValidators();
  const store = openDatabase(config.DATABASE_PATH);
  const clock = config.TEST_CLOCK_FILE ? fileClock(config.TEST_CLOCK_FILE) : systemClock;
  const engine: Engine = { content, store, clock, random: Math.random };
  // Guilds is the only intent needed: interactions arrive regardless, and channels come with GUILD_CREATE.
  const client = new Client({ intents: [GatewayIntentBits.Guilds], allowedMentions: NO_MENTIONS, rest: { api: config.DISCORD_API_BASE } });
  const poster = new DailyPoster(client, engine, log, config.DAILY_TICK_CRON);
  const ctx: BotContext = {
    engine,
    config,
    log,
    limiter: new RateLimiter(config.RATE_LIMIT_PER_MINUTE, () => Date.now()),
    postDailyNow: (guildId) => poster.postNow(guildId),
    refreshDailyPost: (postId) => poster.refresh(postId),
  };
  const route = createRouter(ctx);
  const inFlight = new Set<Promise<void>>();
  let stopping = false;

  client.on(Events.InteractionCreate, (interaction) => {
    if (stopping) return;
    const handled = route(interaction).finally(() => inFlight.delete(handled));
    inFlight.add(handled);
  });
  client.once(Events.ClientReady, async (ready) => {
    try {
      const count = await registerCommands(ready.rest, ready.application.id, content, config.DISCORD_GUILD_ID);
      log.info({ commands: count, scope: config.DISCORD_GUILD_ID ? 'guild' : 'global' }, 'commands registered');
    } catch (error) {
      log.error({ err: error }, 'command registration failed; existing commands stay as they were');
    }
    poster.start();
    log.info({ user: ready.user.tag, guilds: ready.guilds.cache.size, sections: content.sections.length, questions: content.pool.questions.length }, 'ready');
  });
  // Touched only while the gateway is up, so a wedged or disconnected bot goes stale and unhealthy.
  const heartbeat = config.HEALTH_FILE
    ? setInterval(() => {
        if (client.isReady() && client.ws.ping >= 0) writeFile(config.HEALTH_FILE!, new Date().toISOString()).catch((e: unknown) => log.warn({ err: e }, 'health file not written'));
      }, 30_000)
    : undefined;
  client.on(Events.Error, (error) => log.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (message) => log.warn({ message }, 'discord client warning'));

  await client.login(config.DISCORD_TOKEN);
  return {
    client,
    async stop() {
      stopping = true;
      clearInterval(heartbeat);
      await poster.stop();
      await Promise.allSettled([...inFlight]);
      await client.destroy();
      store.close();
    },
  };
}
