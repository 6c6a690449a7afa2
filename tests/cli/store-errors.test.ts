// The terminal and the bot on a database they cannot use: a folder, a damaged file, a read-only file,
// a file from a newer release, and two terminals writing one quiz.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../helpers/clock.js';
import { applyMigrations, openDatabase } from '../../src/db/connection.js';
import { answerQuiz, startQuiz } from '../../src/study/quiz.js';
import { shippedContent } from '../e2e/harness.js';
import { tempDir } from '../db/temp.js';
import { REPO_ROOT, runEntry, spawnEntry, STACK_LINE, tutor } from './run.js';

/** Root ignores file modes, so read-only is made with the immutable attribute where the file system has it. */
function chattrWorks(): boolean {
  try {
    const dir = tempDir();
    const probe = join(dir, 'probe');
    writeFileSync(probe, '');
    execFileSync('chattr', ['+i', probe], { stdio: 'ignore' });
    execFileSync('chattr', ['-i', probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const immutable: string[] = [];
function makeImmutable(path: string): void {
  execFileSync('chattr', ['+i', path]);
  immutable.push(path);
}
afterEach(() => {
  for (const path of immutable.splice(0).reverse()) execFileSync('chattr', ['-i', path]);
});
const CAN_CHATTR = chattrWorks();

/** One line on stderr naming the file, exit 1, no stack trace. */
function expectOneLine(result: { code: number | null; stderr: string }, file: string, cause: RegExp): void {
  expect(result.code).toBe(1);
  expect(result.stderr).not.toMatch(STACK_LINE);
  const lines = result.stderr.trim().split('\n');
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toContain(file);
  expect(lines[0]).toMatch(cause);
}

function databaseWithAnswers(path: string): void {
  const store = openDatabase(path);
  const engine = {
    content: shippedContent(),
    store,
    clock: fixedClock('2026-11-01T10:00:00Z'),
    random: () => 0.5,
    defaults: { timeZone: 'UTC', exam: 'mls-c01' },
  };
  const started = startQuiz(engine, { personId: 'local', guildId: null, count: 2 });
  if (!started.ok) throw new Error(started.reason);
  answerQuiz(engine, {
    sessionId: started.step.session.id,
    personId: 'local',
    step: 0,
    chosen: started.step.question.answer.join(''),
    durationMs: 5000,
  });
  store.close();
}

describe('the terminal on a database it cannot use', () => {
  it('says in one line that a folder is not a database, for writing and reading commands alike', async () => {
    const dir = tempDir();
    const folder = join(dir, 'tutor.db');
    mkdirSync(folder);
    expectOneLine(await tutor(['quiz', '--db', folder, '--count', '1']), folder, /is a folder, not a database file/);
    expectOneLine(await tutor(['stats', '--db', folder]), folder, /is a folder, not a database file/);
  });

  it('says in one line that a damaged file is not a tutor database', async () => {
    const file = join(tempDir(), 'tutor.db');
    writeFileSync(file, 'this is not SQLite at all, just some text that was saved here by mistake\n'.repeat(100));
    expectOneLine(await tutor(['quiz', '--db', file, '--count', '1']), file, /not a tutor database or is damaged/);
    expectOneLine(await tutor(['weak', '--db', file]), file, /not a tutor database or is damaged/);
  });

  it.skipIf(!CAN_CHATTR)('reads stats from a read-only file, and refuses a quiz on it in one line', async () => {
    const file = join(tempDir(), 'tutor.db');
    databaseWithAnswers(file);
    makeImmutable(file);
    const stats = await tutor(['stats', '--json', '--db', file]);
    expect(stats.code).toBe(0);
    expect(JSON.parse(stats.stdout)).toMatchObject({ attempts: 1 });
    expectOneLine(await tutor(['quiz', '--db', file, '--count', '1']), file, /read-only/);
  });

  it('refuses a database written by a newer version, in the terminal and the bot', async () => {
    const file = join(tempDir(), 'tutor.db');
    databaseWithAnswers(file);
    const raw = new BetterSqlite3(file);
    raw.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('from-the-future', 4102444800000);
    raw.close();
    expectOneLine(await tutor(['stats', '--db', file]), file, /written by a newer version of the tutor/);
    expectOneLine(await tutor(['quiz', '--db', file]), file, /written by a newer version of the tutor/);
    const bot = await runEntry('src/main.ts', [], {
      env: { ...process.env, DISCORD_TOKEN: 'x'.repeat(30), DATABASE_PATH: file, DISCORD_API_BASE: 'http://127.0.0.1:9/api' },
    });
    expectOneLine(bot, file, /written by a newer version of the tutor/);
    expect(bot.stderr).not.toContain('DISCORD_TOKEN');
  });

  it('backs up a database from an older release without migrating it', async () => {
    const dir = tempDir();
    const file = join(dir, 'old.db');
    const migrations = join(dir, 'migrations');
    cpSync(join(REPO_ROOT, 'migrations'), migrations, { recursive: true });
    const journalFile = join(migrations, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: unknown[] };
    writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, 1) }));
    const old = new BetterSqlite3(file);
    applyMigrations(old, migrations);
    old.close();
    const before = readFileSync(file);

    const result = await tutor(['backup', join(dir, 'copy.db'), '--db', file]);
    expect(result.code).toBe(0);
    expect(readFileSync(file).equals(before)).toBe(true);
    const source = new BetterSqlite3(file, { readonly: true });
    expect(source.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()).toBe(1);
    source.close();
  });

  it('refuses a --user with control characters', async () => {
    const result = await tutor(['stats', '--user', 'eve\u001b[31m', '--db', join(tempDir(), 'x.db')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--user must be 1 to 64 printable characters');
  });
});

describe('the bot on a database it cannot use', () => {
  const startBot = (path: string) =>
    runEntry('src/main.ts', [], {
      env: {
        ...process.env,
        DISCORD_TOKEN: 'x'.repeat(30),
        DATABASE_PATH: path,
        DISCORD_API_BASE: 'http://127.0.0.1:9/api',
        LOG_LEVEL: 'info',
      },
    });

  it('exits before connecting, naming the file, for a folder and for a damaged file', async () => {
    const dir = tempDir();
    const folder = join(dir, 'folder.db');
    mkdirSync(folder);
    expectOneLine(await startBot(folder), folder, /is a folder/);
    const damaged = join(dir, 'damaged.db');
    writeFileSync(damaged, 'x'.repeat(5000));
    const result = await startBot(damaged);
    expectOneLine(result, damaged, /damaged/);
    expect(result.stdout + result.stderr).not.toContain('DISCORD_TOKEN');
  });

  it.skipIf(!CAN_CHATTR)('exits before connecting on a read-only folder with leftover -wal and -shm files', async () => {
    const dir = join(tempDir(), 'data');
    mkdirSync(dir);
    const file = join(dir, 'tutor.db');
    databaseWithAnswers(file);
    // Leave a WAL behind, as a crashed process would.
    const raw = new BetterSqlite3(file);
    raw.pragma('wal_autocheckpoint = 0');
    raw.prepare("INSERT INTO meta (key, value) VALUES ('x', 'y')").run();
    const copy = readFileSync(`${file}-wal`);
    raw.close();
    writeFileSync(`${file}-wal`, copy);
    writeFileSync(`${file}-shm`, Buffer.alloc(32768));
    for (const f of [file, `${file}-wal`, `${file}-shm`, dir]) makeImmutable(f);
    const result = await startBot(file);
    expectOneLine(result, file, /read-only|cannot be opened|permission/);
    expect(result.stdout).not.toContain('"ready"');
  });
});

describe('two terminals on one quiz', () => {
  it('the second writer of a step is told it was already answered, and both end with the stored result', async () => {
    const file = join(tempDir(), 'tutor.db');
    const store = openDatabase(file);
    const engine = {
      content: shippedContent(),
      store,
      clock: fixedClock(new Date()),
      random: () => 0.3,
      defaults: { timeZone: 'UTC', exam: 'mls-c01' },
    };
    const section = [...shippedContent().pool.bySection].find(([, qs]) => qs.length >= 2 && qs.every((q) => q.answer.length === 1))![0];
    const started = startQuiz(engine, { personId: 'local', guildId: null, count: 2, section });
    if (!started.ok) throw new Error(started.reason);
    const sessionId = started.step.session.id;

    // The other terminal: `tutor quiz` resumes the same quiz and waits for a letter.
    const other = spawnEntry('src/cli/main.ts', ['quiz', '--db', file]);
    let stdout = '';
    other.stdout.on('data', (chunk: string) => (stdout += chunk));
    const exited = new Promise<number | null>((resolve) => other.on('close', resolve));
    const waitFor = async (text: RegExp) => {
      const deadline = Date.now() + 15_000;
      while (!text.test(stdout)) {
        if (Date.now() > deadline) throw new Error(`no ${String(text)} in:\n${stdout}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    await waitFor(/Question 1\/2/);

    // This process takes the write lock, the other terminal answers question 1 and has to wait for it;
    // meanwhile this process answers question 1 too, and commits first.
    store.sqlite.exec('BEGIN IMMEDIATE');
    const q1 = started.step.question;
    const otherLetter = q1.answer.length === 1 ? (q1.answer[0] === 'A' ? 'B' : 'A') : q1.answer.join('');
    other.stdin.write(`${otherLetter}\n`);
    await new Promise((r) => setTimeout(r, 1500));
    const mine = answerQuiz(engine, { sessionId, personId: 'local', step: 0, chosen: q1.answer.join(''), durationMs: 1000 });
    store.sqlite.exec('COMMIT');
    expect(mine.ok && !mine.duplicate).toBe(true);

    await waitFor(/Question 2\/2/);
    expect(stdout).toContain('Question 1 was already answered in another window');
    other.stdin.end('A\n');
    expect(await exited).toBe(0);

    const row = store.sqlite.prepare('SELECT answers, position, finished_at FROM sessions WHERE id = ?').get(sessionId) as {
      answers: string;
      position: number;
      finished_at: number | null;
    };
    const attempts = store.sqlite
      .prepare('SELECT step, chosen, correct FROM attempts WHERE source_ref = ? ORDER BY step')
      .all(sessionId) as { step: number; chosen: string; correct: number }[];
    store.close();
    expect(JSON.parse(row.answers)).toEqual(attempts.map((a) => a.chosen));
    expect(attempts[0]!.chosen).toBe(q1.answer.join(''));
    expect(row.position).toBe(2);
    expect(row.finished_at).not.toBeNull();
    const stored = attempts.filter((a) => a.correct === 1).length;
    expect(stdout).toContain(`Done: ${stored}/2 right.`);
  });
});
