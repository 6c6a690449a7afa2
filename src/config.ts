import { existsSync } from 'node:fs';
// A namespace import lets the bundler keep only the parts of zod in use (see scripts/build.mjs).
import * as z from 'zod';
import { packagePath } from './paths.js';

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
  DATABASE_PATH: z.string().min(1).default('data/tutor.db'),
  /** The content folder; by default the one that ships beside the code, wherever the tutor is run from. */
  KNOWLEDGE_DIR: z.string().min(1).default(packagePath('knowledge')),
  DEFAULT_TIMEZONE: timeZoneSchema.default('UTC'),
  /** The exam of new servers and people (a code in knowledge/exams); the group's own notes are for MLS-C01. */
  DEFAULT_EXAM: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be an exam code such as mls-c01 or mla-c02')
    .default('mls-c01'),
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

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

/** Validates the environment; every bad variable gets its own line naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`));
  }
  const config = parsed.data;
  if (config.TEST_CLOCK_FILE && config.NODE_ENV !== 'test') {
    throw new ConfigError(['TEST_CLOCK_FILE: only allowed in test builds (NODE_ENV=test)']);
  }
  return config;
}

/** Reads `.env` from the working directory when there is one (Node's own parser, no dependency). */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
