// The terminal reads four variables (DATABASE_PATH, KNOWLEDGE_DIR, DEFAULT_TIMEZONE, DEFAULT_EXAM) and
// checks those alone: a bad one is named on one line, a bad bot setting does not stop it.
import { describe, expect, it } from 'vitest';
import { cleanEnv, STACK_LINE, tutor } from './run.js';

describe('the terminal and the environment', () => {
  it('names a bad variable it reads, on one line, and stops', async () => {
    const run = await tutor(['lookup', 'pipe mode'], { env: cleanEnv({ DEFAULT_TIMEZONE: 'Mars/Olympus' }) });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toMatch(/^DEFAULT_TIMEZONE: "Mars\/Olympus" is not an IANA time zone/);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(run.stdout).toBe('');
  });

  it('is not stopped by a bad setting that only the bot reads', async () => {
    const run = await tutor(['lookup', 'pipe mode'], { env: cleanEnv({ LOG_LEVEL: 'loud', DISCORD_API_BASE: 'not a url' }) });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Pipe mode/);
  });

  it('studies the exam of DEFAULT_EXAM, and refuses one the content does not have', async () => {
    const mla = await tutor(['questions'], { env: cleanEnv({ DEFAULT_EXAM: 'mla-c02' }) });
    expect(mla.code, mla.stderr).toBe(0);
    expect(mla.stdout).toMatch(/\d+ questions; \d+ serve MLA-C02/);
    const unknown = await tutor(['questions'], { env: cleanEnv({ DEFAULT_EXAM: 'nope-c99' }) });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^DEFAULT_EXAM: "nope-c99" is not an exam in /);
  });
});
