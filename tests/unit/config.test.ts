import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, loadTerminalConfig } from '../../src/config.js';
import { TERMINAL_DEFAULTS } from '../../src/env.js';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('configuration from the environment', () => {
  it('has working defaults with nothing set', () => {
    const config = loadConfig({});
    expect(config.DISCORD_API_BASE).toBe('https://discord.com/api');
    expect(config.DATABASE_PATH).toBe('data/tutor.db');
    expect(config.DEFAULT_TIMEZONE).toBe('UTC');
    expect(config.DISCORD_TOKEN).toBeUndefined();
  });

  it('names every bad variable on its own line', () => {
    const lines = problems({
      DISCORD_GUILD_ID: 'my-server',
      DEFAULT_TIMEZONE: 'Mars/Olympus',
      LOG_LEVEL: 'loud',
      DISCORD_API_BASE: 'not a url',
      RATE_LIMIT_PER_MINUTE: 'lots',
    });
    expect(lines).toHaveLength(5);
    expect(lines.find((l) => l.startsWith('DISCORD_GUILD_ID:'))).toMatch(/Discord id/);
    expect(lines.find((l) => l.startsWith('DEFAULT_TIMEZONE:'))).toMatch(/Mars\/Olympus.*IANA/);
    expect(lines.find((l) => l.startsWith('LOG_LEVEL:'))).toBeDefined();
    expect(lines.find((l) => l.startsWith('DISCORD_API_BASE:'))).toMatch(/URL/);
  });

  it('treats an empty variable as unset, and allows the test clock only in test builds', () => {
    expect(loadConfig({ DISCORD_TOKEN: '' }).DISCORD_TOKEN).toBeUndefined();
    expect(problems({ TEST_CLOCK_FILE: '/tmp/clock' })).toEqual(['TEST_CLOCK_FILE: only allowed in test builds (NODE_ENV=test)']);
    expect(loadConfig({ TEST_CLOCK_FILE: '/tmp/clock', NODE_ENV: 'test' }).TEST_CLOCK_FILE).toBe('/tmp/clock');
  });

  it("gives the terminal, when none of its variables is set, the schema's own defaults", () => {
    expect(loadTerminalConfig({})).toEqual(TERMINAL_DEFAULTS);
    expect(loadConfig({})).toMatchObject(TERMINAL_DEFAULTS);
    expect(loadTerminalConfig({ DEFAULT_EXAM: 'mla-c02', LOG_LEVEL: 'loud' })).toEqual({ ...TERMINAL_DEFAULTS, DEFAULT_EXAM: 'mla-c02' });
  });
});
