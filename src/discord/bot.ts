import { writeFile } from 'node:fs/promises';
import { Client, disableValidators, Events, GatewayIntentBits } from 'discord.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { createEngine, fileClock, guildGone, StoreHealth, systemClock, type Content, type Store, type StoreState } from '../study/index.js';
import type { BotContext } from './context.js';
import { DailyPoster } from './daily-poster.js';
import { describeDiscordError } from './discord-error.js';
import { RateLimiter } from './rate-limit.js';
import { registerCommands } from './register.js';
import { createRouter } from './router.js';
import { NO_MENTIONS } from './safe-text.js';

/** Docker gives 10 s between SIGTERM and SIGKILL: stop waiting on Discord well before that. */
const STOP_GRACE_MS = 3_000;

export interface RunningBot {
  client: Client;
  /** Stops the scheduler, lets handlers in flight finish (briefly), disconnects, closes the database. */
  stop(): Promise<void>;
}

export async function startBot(
  config: Config & { DISCORD_TOKEN: string },
  content: Content,
  store: Store,
  log: Logger,
): Promise<RunningBot> {
  // The builders re-check every field at run time; the renderers are held to Discord's limits by the
  // unit tests (all shipped content, validators on) and the end-to-end fake, so the bot skips the cost.
  disableValidators();
  // The first lookup should not pay for building the index.
  content.search.warm();
  const clock = config.TEST_CLOCK_FILE ? fileClock(config.TEST_CLOCK_FILE) : systemClock;
  const engine = createEngine(content, store, { timeZone: config.DEFAULT_TIMEZONE, exam: config.DEFAULT_EXAM }, clock);
  const health = new StoreHealth(store);
  // Guilds is the only intent needed: interactions arrive regardless, and channels come with GUILD_CREATE.
  const client = new Client({ intents: [GatewayIntentBits.Guilds], allowedMentions: NO_MENTIONS, rest: { api: config.DISCORD_API_BASE } });
  const poster = new DailyPoster(client, engine, log, config.DAILY_TICK_CRON, () => health.current.ok);
  const ctx: BotContext = {
    engine,
    config,
    log,
    limiter: new RateLimiter(config.RATE_LIMIT_PER_MINUTE, () => Date.now()),
    postDailyNow: (guildId) => poster.postNow(guildId),
    refreshDailyPost: (postId) => poster.refresh(postId),
    storeHealth: () => health.current,
    storeFailed: (error) => logStoreState(health.reportFailure(error)),
  };
  const route = createRouter(ctx);
  const inFlight = new Set<Promise<void>>();
  let stopping = false;

  let lastState: StoreState = health.current;
  function logStoreState(state: StoreState): void {
    if (state.ok === lastState.ok && (state.ok || (!lastState.ok && state.reason === lastState.reason))) return;
    if (state.ok) log.info('database writable again; taking answers');
    else
      log.error(
        { reason: state.reason, final: state.final },
        state.final ? 'database file is gone: not taking answers until restarted' : 'database cannot be written: not taking answers',
      );
    lastState = state;
  }

  client.on(Events.InteractionCreate, (interaction) => {
    if (stopping) return;
    const handled = route(interaction).finally(() => inFlight.delete(handled));
    inFlight.add(handled);
  });
  client.once(Events.ClientReady, (ready) => void onReady(ready));
  async function onReady(ready: Client<true>): Promise<void> {
    try {
      const count = await registerCommands(ready.rest, ready.application.id, content, config.DISCORD_GUILD_ID);
      log.info({ commands: count, scope: config.DISCORD_GUILD_ID ? 'guild' : 'global' }, 'commands registered');
    } catch (error) {
      log.error({ error: describeDiscordError(error) }, 'command registration failed; existing commands stay as they were');
    }
    poster.start();
    log.info(
      {
        user: ready.user.tag,
        guilds: ready.guilds.cache.size,
        sections: content.sections.length,
        questions: content.pool.questions.length,
      },
      'ready',
    );
  }
  // A guild that removed the bot gets no more daily posts (an outage is GuildUnavailable, not this).
  client.on(Events.GuildDelete, (guild) => {
    try {
      guildGone(engine, guild.id);
      log.warn({ guildId: guild.id }, 'removed from a guild: its daily question is now off');
    } catch (error) {
      ctx.storeFailed(error);
      log.error({ guildId: guild.id, err: error }, 'removed from a guild, but its daily question could not be turned off');
    }
  });
  // The health file is touched only while the gateway is up and the database takes writes, so a
  // wedged bot, a lost connection or a database it cannot write all turn the container unhealthy.
  const heartbeat = setInterval(() => {
    const state = health.check(clock.now());
    logStoreState(state);
    if (config.HEALTH_FILE && state.ok && client.isReady())
      writeFile(config.HEALTH_FILE, new Date().toISOString()).catch((e: unknown) => log.warn({ err: e }, 'health file not written'));
  }, config.HEALTH_CHECK_SECONDS * 1000);
  client.on(Events.Error, (error) => log.error({ error: describeDiscordError(error) }, 'discord client error'));
  client.on(Events.Warn, (message) => log.warn({ message }, 'discord client warning'));

  await client.login(config.DISCORD_TOKEN);
  return {
    client,
    async stop() {
      stopping = true;
      clearInterval(heartbeat);
      // Database writes are synchronous, so none is half done here; what may still be pending is a
      // Discord call (a 429 can sleep for minutes). An undelivered daily post is retried at the next start.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([poster.stop(STOP_GRACE_MS), ...inFlight]),
        new Promise((resolve) => (timer = setTimeout(resolve, STOP_GRACE_MS))),
      ]);
      clearTimeout(timer);
      await client.destroy();
      store.close();
    },
  };
}
