import { existsSync } from 'node:fs';
import { packagePath } from './paths.js';

/**
 * The environment before it is checked: reading `.env`, the defaults of the variables the terminal
 * reads, and the error a bad variable raises. No zod here: the checks live in config.ts, and the
 * terminal loads them only when one of its variables is set (see cli/run.ts), so it starts faster.
 */

/** The variables the terminal reads, with their defaults: also the schema's defaults (config.ts). */
export const TERMINAL_DEFAULTS = {
  DATABASE_PATH: 'data/tutor.db',
  /** The content folder that ships beside the code, wherever the tutor is run from. */
  KNOWLEDGE_DIR: packagePath('knowledge'),
  DEFAULT_TIMEZONE: 'UTC',
  /** The exam of new servers and people; the group's own notes are for MLS-C01. */
  DEFAULT_EXAM: 'mls-c01',
} as const;

export type TerminalVariable = keyof typeof TERMINAL_DEFAULTS;

/** Whether the environment sets any of the terminal's variables (an empty value counts as unset). */
export function setsTerminalVariable(env: NodeJS.ProcessEnv = process.env): boolean {
  return Object.keys(TERMINAL_DEFAULTS).some((name) => Boolean(env[name]));
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

/** Reads `.env` from the working directory when there is one (Node's own parser, no dependency). */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
