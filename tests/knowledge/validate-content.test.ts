// `tutor validate --knowledge DIR` on broken copies of the shipped content: each copy has one thing
// broken (or, for the "every problem" cases, two), and the report must name the file and the line of
// each problem, say what is wrong, exit 1 and never show a stack trace. The bot refuses the same folder.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const KNOWLEDGE = join(REPO_ROOT, 'knowledge');
const RUN_TIMEOUT_MS = 25_000;
const PROBLEM_LINE = /^([^:\n]+):(\d+): (.+)$/;
const STACK_LINE = /^\s+at /m;
const DOMAIN_IDS = ['data-engineering', 'eda', 'modeling', 'ml-ops'];

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface Reported {
  /** Absolute path of the file named by the problem line. */
  file: string;
  line: number;
  message: string;
  raw: string;
}

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh copy of the shipped knowledge/ folder, to break. */
function contentCopy(): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'tutor-content-')));
  temps.push(root);
  const dir = join(root, 'knowledge');
  cpSync(KNOWLEDGE, dir, { recursive: true });
  return dir;
}

function baseEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const name of ['KNOWLEDGE_DIR', 'DATABASE_PATH', 'DISCORD_TOKEN', 'DISCORD_GUILD_ID', 'DISCORD_APPLICATION_ID', 'DISCORD_API_BASE', 'TEST_CLOCK_FILE'])
    delete env[name];
  return env;
}

function run(script: string, args: string[], env: NodeJS.ProcessEnv = baseEnv()): Promise<RunResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`${script} ${args.join(' ')} did not exit within ${RUN_TIMEOUT_MS} ms\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    }, RUN_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      fail(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

const validate = (dir: string) => run('src/cli/main.ts', ['validate', '--knowledge', dir]);

function reported(stderr: string): Reported[] {
  return stderr.split('\n').flatMap((raw) => {
    const m = PROBLEM_LINE.exec(raw);
    return m ? [{ file: resolve(REPO_ROOT, m[1]!), line: Number(m[2]), message: m[3]!, raw }] : [];
  });
}

/** Exit 1, no stack trace, no OK, and at least one well-formed `file:line: problem` line. */
function expectRefused(result: RunResult): Reported[] {
  expect(result.code, `stdout:\n${result.stdout}\nstderr:\n${result.stderr}`).toBe(1);
  expect(result.stderr).not.toMatch(STACK_LINE);
  expect(result.stdout).not.toMatch(/\bOK\b/);
  const problems = reported(result.stderr);
  expect(problems.length, result.stderr).toBeGreaterThan(0);
  return problems;
}

/** One reported problem is in `file`, on one of `lines`, and its message matches every pattern. */
function expectProblem(result: RunResult, file: string, lines: number[], patterns: RegExp[]): void {
  const problems = expectRefused(result);
  const found = problems.find((p) => p.file === file && lines.includes(p.line) && patterns.every((re) => re.test(p.message)));
  expect(found, `expected a problem in ${file} at line ${lines.join(' or ')} matching ${patterns.join(' and ')}; stderr:\n${result.stderr}`).toBeDefined();
}

const linesOf = (file: string) => readFileSync(file, 'utf8').replace(/\r\n?/g, '\n').split('\n');

/** Appends lines to a file; returns the 1-based line number of each appended line. */
function append(file: string, block: string[]): number[] {
  let text = readFileSync(file, 'utf8');
  if (!text.endsWith('\n')) text += '\n';
  const first = text.split('\n').length; // the line after the last newline
  writeFileSync(file, `${text}${block.join('\n')}\n`);
  return block.map((_, i) => first + i);
}

/** Replaces (or, with null, deletes) the first line matching `match`; returns its 1-based line number. */
function replaceLine(file: string, match: RegExp, replacement: string | null): number {
  const lines = linesOf(file);
  const i = lines.findIndex((l) => match.test(l));
  if (i < 0) throw new Error(`no line matching ${match} in ${file}`);
  lines.splice(i, 1, ...(replacement === null ? [] : [replacement]));
  writeFileSync(file, lines.join('\n'));
  return i + 1;
}

interface QuestionParts {
  id?: string;
  section?: string;
  exams?: string;
  prompt?: string;
  choices?: string[];
  answer?: string;
  explanation?: string;
}

/** A question item in the file's YAML (valid unless a part is overridden), preceded by a blank line. */
function questionBlock(parts: QuestionParts = {}): string[] {
  return [
    '',
    `- id: ${parts.id ?? 'kinesis-901'}`,
    `  section: ${parts.section ?? 'kinesis/kinesis-data-streams-shards-and-throughput'}`,
    `  exams: ${parts.exams ?? '{ mls-c01: 1.2b, mla-c02: 1.1a }'}`,
    '  difficulty: 1',
    '  prompt: >-',
    `    ${parts.prompt ?? 'A producer writes 3,000 small records per second to one stream. How many shards does it need at least?'}`,
    '  choices:',
    ...(parts.choices ?? ['One shard', 'Three shards', 'Thirty shards', 'Three hundred shards']).map((c) => `    - ${c}`),
    `  answer: ${parts.answer ?? 'B'}`,
    `  explanation: ${parts.explanation ?? 'Each shard takes 1,000 records per second, so 3,000 records need three shards.'}`,
  ];
}

/** Appends a question to questions/kinesis.yaml; returns the file and the line of each block line. */
function addQuestion(dir: string, parts: QuestionParts = {}) {
  const file = join(dir, 'questions/kinesis.yaml');
  const block = questionBlock(parts);
  const lines = append(file, block);
  const lineOf = (prefix: string) => lines[block.findIndex((l) => l.startsWith(prefix))]!;
  return { file, block, lines, item: lineOf('- id:'), lineOf };
}

describe('tutor validate on broken notes, synonyms and blueprint', () => {
  it('accepts the unbroken copy with one more valid question (the control for the question cases)', async () => {
    const dir = contentCopy();
    addQuestion(dir);
    const result = await validate(dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('OK');
  });

  it('a note without `domain:` in its front matter', async () => {
    const dir = contentCopy();
    const file = join(dir, 'notes/kinesis.md');
    const removed = replaceLine(file, /^domain:/, null);
    // The front matter opens on line 1; the mapping that lacks the key starts on the next line.
    expect(removed).toBe(2);
    expectProblem(await validate(dir), file, [1, 2], [/domain/]);
  });

  it('a note whose domain is not a blueprint id', async () => {
    const dir = contentCopy();
    const file = join(dir, 'notes/kinesis.md');
    const line = replaceLine(file, /^domain:/, 'domain: not-a-domain');
    expectProblem(await validate(dir), file, [line], [/not-a-domain/, ...DOMAIN_IDS.map((d) => new RegExp(d))]);
  });

  it('a section longer than 4096 characters', async () => {
    const dir = contentCopy();
    const file = join(dir, 'notes/kinesis.md');
    const text = 'Shards carry records in order within a partition key. '.repeat(90).trim();
    expect(text.length).toBeGreaterThan(4096);
    const [, heading, body] = append(file, ['', '## A section far too long for one embed', text]);
    expectProblem(await validate(dir), file, [heading!, body!], [/4096/, new RegExp(String(text.length))]);
  });

  it('two sections with the same heading in one file', async () => {
    const dir = contentCopy();
    const file = join(dir, 'notes/kinesis.md');
    const lines = append(file, ['', '## The same heading twice', 'First text.', '', '## The same heading twice', 'Second text.']);
    const first = lines[1]!;
    const second = lines[4]!;
    expectProblem(await validate(dir), file, [second], [/duplicate|twice|same/i, new RegExp(String(first))]);
  });

  it('synonyms.yaml that is a list instead of a mapping', async () => {
    const dir = contentCopy();
    const file = join(dir, 'synonyms.yaml');
    writeFileSync(file, '# Written by mistake as a list\n- SageMaker\n- Kinesis Data Streams\n');
    expectProblem(await validate(dir), file, [2], [/mapping/i]);
  });

  it('an exam file whose domain weights do not add up to 100', async () => {
    const dir = contentCopy();
    const file = join(dir, 'exams/mls-c01.yaml');
    const weightLine = replaceLine(file, /^\s+weight: 24$/, '    weight: 30');
    const text = linesOf(file);
    const domainsLine = text.findIndex((l) => /^domains:/.test(l)) + 1;
    const firstItem = text.findIndex((l) => /^\s+- id:/.test(l)) + 1;
    expectProblem(await validate(dir), file, [domainsLine, firstItem, weightLine], [/100/, /106/]);
  });
});

describe('tutor validate on broken question files', () => {
  it('an exam that does not exist, and a bullet its exam does not have', async () => {
    const dir = contentCopy();
    const unknownExam = addQuestion(dir, { exams: '{ mls-c99: 1.2b }' });
    const unknownBullet = addQuestion(dir, { id: 'kinesis-902', prompt: 'A second stream question about shard counts for a producer of small records?', exams: '{ mla-c02: 9.9z }' });
    const result = await validate(dir);
    expectProblem(result, unknownExam.file, [unknownExam.item], [/mls-c99/, /not an exam/]);
    expectProblem(result, unknownBullet.file, [unknownBullet.item], [/9\.9z/, /no bullet/]);
  });

  it('a duplicate id', async () => {
    const dir = contentCopy();
    const q = addQuestion(dir, { id: 'kinesis-001' });
    expectProblem(await validate(dir), q.file, [q.item], [/kinesis-001/, /duplicate/i]);
  });

  it('an unknown section', async () => {
    const dir = contentCopy();
    const q = addQuestion(dir, { section: 'kinesis/no-such-section' });
    expectProblem(await validate(dir), q.file, [q.item, q.lineOf('  section:')], [/kinesis\/no-such-section/, /unknown|not found|no section/i]);
  });

  it('an answer letter outside the choices (E with 4 choices)', async () => {
    const dir = contentCopy();
    const q = addQuestion(dir, { answer: 'E' });
    expectProblem(await validate(dir), q.file, [q.item, q.lineOf('  answer:')], [/\bE\b/, /choice/i]);
  });

  it('two identical choices', async () => {
    const dir = contentCopy();
    const q = addQuestion(dir, { choices: ['One shard', 'Three shards', 'Thirty shards', 'Three shards'] });
    const repeated = q.lines[q.block.lastIndexOf('    - Three shards')]!;
    expectProblem(await validate(dir), q.file, [q.item, q.lineOf('  choices:'), repeated], [/repeat|duplicate|same|identical/i]);
  });

  it('a multiple-response answer [A, C] whose prompt does not say how many to choose', async () => {
    const dir = contentCopy();
    const q = addQuestion(dir, {
      prompt: 'Which settings raise the read throughput available to each consumer of a Kinesis data stream?',
      choices: ['Enhanced fan-out', 'A shorter retention period', 'More shards', 'A larger partition key', 'Server-side encryption'],
      answer: '[A, C]',
    });
    expectProblem(await validate(dir), q.file, [q.item, q.lineOf('  prompt:'), q.lineOf('  answer:')], [/how many|choose/i]);
  });

  it('an empty explanation', async () => {
    const dir = contentCopy();
    const q = addQuestion(dir, { explanation: '""' });
    expectProblem(await validate(dir), q.file, [q.item, q.lineOf('  explanation:')], [/explanation/, /empty/i]);
  });

  it('a numeric choice (`- 8`)', async () => {
    const dir = contentCopy();
    const q = addQuestion(dir, { choices: ['2', '4', '8', '16'].map((n, i) => (i === 2 ? n : `${n} shards`)) });
    const numeric = q.lines[q.block.indexOf('    - 8')]!;
    expectProblem(await validate(dir), q.file, [numeric], [/\b8\b/, /quote|number|text/i]);
  });
});

describe('every problem is reported, not only the first', () => {
  it('a note file with an unknown domain and an oversized section reports both', async () => {
    const dir = contentCopy();
    const file = join(dir, 'notes/kinesis.md');
    const domainLine = replaceLine(file, /^domain:/, 'domain: not-a-domain');
    const [, heading] = append(file, ['', '## A section far too long for one embed', 'Records are ordered per shard. '.repeat(150).trim()]);
    const result = await validate(dir);
    expectProblem(result, file, [domainLine], [/not-a-domain/]);
    expectProblem(result, file, [heading!], [/4096/]);
  });

  it('a question file with an answer outside the choices in one question and an empty explanation in another reports both', async () => {
    const dir = contentCopy();
    const bad = addQuestion(dir, { id: 'kinesis-901', answer: 'E' });
    const empty = addQuestion(dir, {
      id: 'kinesis-902',
      prompt: 'A stream must keep records for a full week for replays. What should the team change?',
      choices: ['The shard count', 'The retention period', 'The partition key', 'The consumer type'],
      explanation: '""',
    });
    const result = await validate(dir);
    expectProblem(result, empty.file, [empty.item, empty.lineOf('  explanation:')], [/explanation/, /empty/i]);
    expectProblem(result, bad.file, [bad.item, bad.lineOf('  answer:')], [/\bE\b/, /choice/i]);
  });

  it('a broken note file does not hide a broken question file; its questions say why they could not be checked', async () => {
    const dir = contentCopy();
    const notes = join(dir, 'notes/kinesis.md');
    const domainLine = replaceLine(notes, /^domain:/, 'domain: not-a-domain');
    const bad = addQuestion(dir, { id: 'kinesis-901', answer: 'E' });
    const result = await validate(dir);
    expectProblem(result, notes, [domainLine], [/not-a-domain/]);
    expectProblem(result, bad.file, [bad.item, bad.lineOf('  answer:')], [/\bE\b/, /choice/i]);
    const unchecked = reported(result.stderr).filter((p) => p.message.includes('notes/kinesis.md did not load'));
    expect(unchecked.length).toBeGreaterThan(0);
  });
});

describe('the bot on broken content', () => {
  it('exits 1 before connecting to Discord, printing the same file:line problems as validate', async () => {
    const dir = contentCopy();
    const file = join(dir, 'notes/kinesis.md');
    const domainLine = replaceLine(file, /^domain:/, 'domain: not-a-domain');
    const [, heading] = append(file, ['', '## A section far too long for one embed', 'Records are ordered per shard. '.repeat(150).trim()]);

    // A stand-in Discord API: connecting starts with a REST call, so any request means it tried.
    const requests: string[] = [];
    const server = createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`);
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"message":"401: Unauthorized","code":0}');
    });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    try {
      const { port } = server.address() as AddressInfo;
      const bot = await run('src/main.ts', [], {
        ...baseEnv(),
        DISCORD_TOKEN: 'x',
        KNOWLEDGE_DIR: dir,
        DATABASE_PATH: join(dir, '..', 'bot.db'),
        DISCORD_API_BASE: `http://127.0.0.1:${port}/api`,
      });
      const botProblems = expectRefused(bot);
      expect(requests).toEqual([]);
      expectProblem(bot, file, [domainLine], [/not-a-domain/]);
      expectProblem(bot, file, [heading!], [/4096/]);

      const validated = await validate(dir);
      expect(botProblems.map((p) => p.raw).sort()).toEqual(expectRefused(validated).map((p) => p.raw).sort());
    } finally {
      await new Promise<void>((closed) => server.close(() => closed()));
    }
  });
});
