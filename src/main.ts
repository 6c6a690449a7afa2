import { ConfigError, loadConfig, loadDotEnv, type Config } from './config.js';
import { loadContent } from './content.js';
import { startBot } from './discord/bot.js';
import { ContentError } from './knowledge/problems.js';
import { createLogger } from './logger.js';

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

// Content is validated before connecting: bad content never reaches users.
let content;
try {
  content = loadContent(config.KNOWLEDGE_DIR);
} catch (error) {
  if (error instanceof ContentError) fail(`The content in ${config.KNOWLEDGE_DIR} has problems; the bot did not start:\n${error.message}`);
  throw error;
}

const log = createLogger(config.LOG_LEVEL, [token]);
process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled rejection'));

let bot;
try {
  bot = await startBot({ ...config, DISCORD_TOKEN: token }, content, log);
} catch (error) {
  log.fatal({ err: error }, 'could not connect to Discord (is DISCORD_TOKEN right?)');
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
