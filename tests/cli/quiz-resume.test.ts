// An unfinished quiz and a request for a different one: the tutor says so instead of resuming in silence.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../db/temp.js';
import { tutor } from './run.js';

describe('tutor quiz with an unfinished quiz', () => {
  it('refuses to ignore --domain, resumes without it, and starts over with --new', async () => {
    const db = join(tempDir(), 'tutor.db');
    const first = await tutor(['quiz', '--db', db, '--count', '3', '--domain', 'modeling'], { stdin: 'A\n' });
    expect(first.stdout).toContain('Saved 1 answer');

    const other = await tutor(['quiz', '--db', db, '--count', '3', '--domain', 'eda'], { stdin: '' });
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('You have an unfinished quiz at question 2 of 3');
    expect(other.stderr).toContain('--new');

    const resumed = await tutor(['quiz', '--db', db], { stdin: '' });
    expect(resumed.stdout).toContain('Resuming your unfinished quiz at question 2/3');

    const fresh = await tutor(['quiz', '--db', db, '--count', '2', '--domain', 'eda', '--new'], { stdin: '' });
    expect(fresh.stdout).toMatch(/Question 1\/2/);
    expect(fresh.stdout).toMatch(/Question 1\/2 .*\beda · difficulty/);
  });
});
