import { ConfigError, loadConfig, loadDotEnv, type Config } from './config.js';
import { startBot, type RunningBot } from './discord/bot.js';
import { createLogger } from './logger.js';
import { ContentError, loadContentChecked, openStore, StoreError, type Store } from './study/index.js';

const NO_TOKEN =
  'DISCORD_TOKEN is not set: copy .env.example to .env and put your bot token there (README, "Run the bot"); ' +
  'or study in the terminal now, no token needed: npm run tutor -- quiz';

function fail(lines: string): never {
  process.stderr.write(`${lines}\n`);
  process.exit(1);
}

loadDotEnv();
let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) fail(error.message);
  throw error;
}
const token = config.DISCORD_TOKEN;
if (!token) fail(NO_TOKEN);

// Content and the database are checked before connecting: bad content never reaches users, and a
// database that cannot be written is reported as such, not as a Discord problem.
let content;
try {
  content = await loadContentChecked(config.KNOWLEDGE_DIR);
} catch (error) {
  if (error instanceof ContentError) fail(`The content in ${config.KNOWLEDGE_DIR} has problems; the bot did not start:\n${error.message}`);
  throw error;
}
let store: Store;
try {
  store = openStore(config.DATABASE_PATH);
} catch (error) {
  if (error instanceof StoreError) fail(`The bot did not start: ${error.message}`);
  throw error;
}

const log = createLogger(config.LOG_LEVEL, [token]);
process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled rejection'));

let bot: RunningBot;
try {
  bot = await startBot({ ...config, DISCORD_TOKEN: token }, content, store, log);
} catch (error) {
  const invalidToken = error instanceof Error && /token/i.test(error.message);
  log.fatal({ err: error }, invalidToken ? 'Discord refused the token: check DISCORD_TOKEN' : 'could not connect to Discord');
  process.exit(1);
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    bot.stop().then(
      () => {
        log.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        log.error({ err: error }, 'unclean shutdown');
        process.exit(1);
      },
    );
  });
}
