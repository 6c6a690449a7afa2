// A namespace import lets the bundler keep only the parts of zod in use (see scripts/build.mjs).
import * as z from 'zod';
import { ConfigError, TERMINAL_DEFAULTS, type TerminalVariable } from './env.js';

export { ConfigError, loadDotEnv } from './env.js';

/** IANA time zone names, checked against the runtime's own zone database. */
export const timeZoneSchema = z.string().refine(isTimeZone, {
  error: (issue) => `"${String(issue.input)}" is not an IANA time zone such as Europe/Berlin or America/New_York`,
});

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17-20 digits)');

const envSchema = z.object({
  DISCORD_TOKEN: z.string().trim().min(1, 'is empty').optional(),
  DISCORD_APPLICATION_ID: snowflake.optional(),
  DISCORD_GUILD_ID: snowflake.optional(),
  DISCORD_API_BASE: z.url('must be a URL such as https://discord.com/api').default('https://discord.com/api'),
  DATABASE_PATH: z.string().min(1).default(TERMINAL_DEFAULTS.DATABASE_PATH),
  KNOWLEDGE_DIR: z.string().min(1).default(TERMINAL_DEFAULTS.KNOWLEDGE_DIR),
  DEFAULT_TIMEZONE: timeZoneSchema.default(TERMINAL_DEFAULTS.DEFAULT_TIMEZONE),
  /** The exam of new servers and people (a code in knowledge/exams). */
  DEFAULT_EXAM: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be an exam code such as mls-c01 or mla-c02')
    .default(TERMINAL_DEFAULTS.DEFAULT_EXAM),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** How often the daily scheduler looks for guilds whose post is due (croner pattern, seconds optional). */
  DAILY_TICK_CRON: z.string().min(1).default('*/30 * * * * *'),
  /** Per-person lookups / quiz starts allowed per minute. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(600).default(20),
  /** When set, the bot touches this file every 30 s while connected (the container health check reads it). */
  HEALTH_FILE: z.string().optional(),
  /** How often the bot proves its database is still there and writable (and touches HEALTH_FILE). */
  HEALTH_CHECK_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  NODE_ENV: z.string().optional(),
  /** Test builds only (NODE_ENV=test): a file holding an ISO instant that the clock starts from. */
  TEST_CLOCK_FILE: z.string().optional(),
});

export type Config = z.infer<typeof envSchema>;

/** Parses the variables that are set (an empty one counts as unset); every bad one gets its own line naming it. */
function check<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv): z.infer<T> {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`));
  }
  return parsed.data;
}

/** Validates the whole environment (the bot). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const config = check(envSchema, env);
  if (config.TEST_CLOCK_FILE && config.NODE_ENV !== 'test') {
    throw new ConfigError(['TEST_CLOCK_FILE: only allowed in test builds (NODE_ENV=test)']);
  }
  return config;
}

const terminalSchema = envSchema.pick({
  DATABASE_PATH: true,
  KNOWLEDGE_DIR: true,
  DEFAULT_TIMEZONE: true,
  DEFAULT_EXAM: true,
} satisfies Record<TerminalVariable, true>);

export type TerminalConfig = z.infer<typeof terminalSchema>;

/** Validates the variables the terminal reads, and only those: a bad bot setting does not stop a lookup. */
export function loadTerminalConfig(env: NodeJS.ProcessEnv = process.env): TerminalConfig {
  return check(terminalSchema, env);
}
