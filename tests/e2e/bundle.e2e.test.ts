// What ships: `npm ci` bundles src/ into dist/ (scripts/build.mjs), and the terminal's `tutor` and the
// Docker image run that bundle, not the source the other tests run under tsx. Its chunks sit at other
// depths than the sources, so every file the code finds by path (notes, migrations, fonts) is checked.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runEntry } from '../cli/run.js';
import { ALICE, CHANNEL, createHarness, G, visibleText } from './harness.js';

const QUERIES = ['pipe mode', 'kinesis shards', 'early stoping', 'how do i stop a training job that overfits', 'zzzz qqqq'];

let dir: string;

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO_ROOT, stdio: 'pipe' });
  dir = mkdtempSync(join(tmpdir(), 'tutor-bundle-'));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the bundle npm ci builds', () => {
  it('answers lookups exactly as the source does', async () => {
    const stdin = `${QUERIES.join('\n')}\n`;
    const [bundled, source] = await Promise.all([
      runEntry('dist/cli/main.js', ['lookup', '--json'], { stdin }),
      runEntry('src/cli/main.ts', ['lookup', '--json'], { stdin }),
    ]);
    expect(bundled.stderr).toBe('');
    expect(bundled.code).toBe(0);
    expect(bundled.stdout.trim().split('\n')).toHaveLength(QUERIES.length);
    expect(bundled.stdout).toBe(source.stdout);
    expect(JSON.parse(bundled.stdout.split('\n')[0]!).results[0].title).toBe('Pipe mode');
  });

  it('runs a quiz on a new database, and draws the stats card with the shipped fonts', async () => {
    const db = join(dir, 'tutor.db');
    // One question, of one, two or three letters: the lines it does not need are refused or left unread.
    const quiz = await runEntry('dist/cli/main.js', ['quiz', '--db', db, '--count', '1'], { stdin: 'A\nAB\nABC\n' });
    expect(quiz.stderr).toBe('');
    expect(quiz.stdout).toMatch(/Your (answer|\d+ letters): /);
    expect(quiz.stdout).toMatch(/Done: [01]\/1 right/);

    const png = join(dir, 'card.png');
    const stats = await runEntry('dist/cli/main.js', ['stats', '--db', db, '--png', png]);
    expect(stats.code).toBe(0);
    expect(stats.stdout).toContain('Answers: 1');
    expect(readFileSync(png).subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('starts the bot, which answers /lookup in Discord', async () => {
    const h = await createHarness({ entry: 'dist/main.js' });
    try {
      const reply = await (await h.fake.slash(ALICE, G, CHANNEL, 'lookup', { query: 'pipe mode' })).final();
      expect(reply.embeds?.[0]?.title).toBe('Pipe mode');
      expect(visibleText(reply)).toContain('named pipes');
      await h.fake.settle();
      expect(h.fake.violations()).toEqual([]);
    } finally {
      await h.close();
    }
  });
});
