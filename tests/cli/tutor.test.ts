// The terminal tutor driven as a real process, the way a person at a pipe or a tool would drive it:
// `node --import tsx src/cli/main.ts <command>` in the repo root, stdin piped, a fresh database per test.
//
// Quiz questions are drawn at random and about 15% of the pool is multiple response, which rejects a
// single letter. So the quiz tests answer prompt by prompt ("Your answer:" / "Your 2 letters:") over the
// same piped stdin, deciding right or wrong from the shipped question that the header names, and end
// stdin when the script runs out. Input that is valid for any draw (exam, lookup) is piped in one go.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadContent, type Content } from '../../src/core/content.js';
import type { Exam } from '../../src/knowledge/exams.js';
import type { Question } from '../../src/quiz/question.js';
import { REPO_ROOT, STACK_LINE, tutor as runTutor, type PromptReply, type RunResult } from './run.js';

const KNOWLEDGE = join(REPO_ROOT, 'knowledge');
const LETTERS = 'ABCDEFGH';
const HEADER = /^Question (\d+)\/(\d+)\b.*· ([a-z0-9]+(?:-[a-z0-9]+)*-\d{3,})$/gm;

/** A reply to one answer prompt: a literal line, or a line computed from the question shown. */
type Reply = string | ((q: Question) => string);

let content: Content;
let dir: string;
let db: string;

let mls: Exam;
beforeAll(() => {
  content = loadContent(KNOWLEDGE);
  mls = content.exams.get('mls-c01')!;
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tutor-cli-'));
  db = join(dir, 'tutor.db');
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `tutor ...args` from the source; each function reply is computed from the question on screen. */
function tutor(args: string[], options: { stdin?: string; replies?: Reply[] } = {}): Promise<RunResult> {
  const { stdin, replies } = options;
  if (!replies) return runTutor(args, stdin === undefined ? {} : { stdin });
  return runTutor(args, { replies: replies.map((r): PromptReply => (typeof r === 'string' ? r : (stdout) => r(currentQuestion(stdout)))) });
}

/** Question ids in the order their headers were printed (a re-asked question appears again). */
function shownIds(stdout: string): string[] {
  return [...stdout.matchAll(HEADER)].map((m) => m[3]!);
}

function currentQuestion(stdout: string): Question {
  const id = shownIds(stdout).at(-1);
  const q = id === undefined ? undefined : content.pool.byId.get(id);
  if (!q) throw new Error(`no question header before the prompt:\n${stdout}`);
  return q;
}

const right: Reply = (q) => q.answer.join('');
/** A wrong but valid answer: the right number of letters, at least one of them not keyed. */
const wrong: Reply = (q) => {
  const letters = LETTERS.slice(0, q.choices.length).split('');
  const bad = letters.find((l) => !q.answer.includes(l))!;
  return [bad, ...letters.filter((l) => l !== bad).slice(0, q.answer.length - 1)].sort().join('');
};

interface AttemptRow {
  person_id: string;
  question_id: string;
  domain: string;
  correct: number;
  source: string;
  step: number;
  chosen: string;
}

function readDb<T>(file: string, read: (sqlite: BetterSqlite3.Database) => T): T {
  const sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    return read(sqlite);
  } finally {
    sqlite.close();
  }
}

const attempts = (file = db) => readDb(file, (s) => s.prepare('SELECT * FROM attempts ORDER BY id').all() as AttemptRow[]);

function jsonLines(stdout: string): unknown[] {
  return stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as unknown);
}

function expectClean(result: RunResult): void {
  expect(result.stderr).not.toMatch(STACK_LINE);
}

describe('tutor quiz', () => {
  it('runs a piped three-question quiz, saves every answer, and stats reports it as JSON', async () => {
    const quiz = await tutor(['quiz', '--count', '3', '--db', db], { replies: [right, wrong, right] });
    expect(quiz.code, quiz.stderr).toBe(0);
    for (const n of [1, 2, 3]) expect(quiz.stdout).toContain(`Question ${n}/3`);
    expect(quiz.stdout).toMatch(/Done: 2\/3 right/);
    expectClean(quiz);

    const rows = attempts();
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.source === 'quiz' && r.person_id === 'local')).toBe(true);
    expect(rows.map((r) => r.question_id)).toEqual([...new Set(shownIds(quiz.stdout))]);
    expect(rows.map((r) => r.correct)).toEqual([1, 0, 1]);

    const stats = await tutor(['stats', '--json', '--db', db]);
    expect(stats.code, stats.stderr).toBe(0);
    const lines = stats.stdout.split('\n').filter((l) => l.trim() !== '');
    expect(lines).toHaveLength(1);
    const json = JSON.parse(lines[0]!) as {
      attempts: number;
      correct: number;
      accuracy: number | null;
      streak: { current: number; best: number };
      domains: Array<{ domain: string; attempts: number; accuracy: number | null; mastery: number }>;
    };
    expect(json.attempts).toBe(3);
    // Three answers are far from enough for a prediction: the figures are null and it says so.
    expect((json as unknown as { readiness: unknown }).readiness).toMatchObject({
      exam: 'mls-c01',
      score: null,
      low: null,
      high: null,
      pass_probability: null,
      answers: 3,
      enough: false,
    });
    expect(json.streak).toMatchObject({ current: 1, best: 1 });
    const correct = rows.filter((r) => r.correct === 1).length;
    expect(json.correct).toBe(correct);
    expect(json.accuracy).toBeCloseTo(correct / rows.length, 2);
    expect(json.domains.map((d) => d.domain).sort()).toEqual(mls.domains.map((d) => d.id).sort());
    for (const d of json.domains) {
      expect(Object.keys(d).sort()).toEqual(['accuracy', 'attempts', 'domain', 'mastery', 'name']);
      const mine = rows.filter((r) => r.domain === d.domain);
      expect(d.attempts, d.domain).toBe(mine.length);
      if (mine.length === 0) expect(d.accuracy, d.domain).toBeNull();
      else expect(d.accuracy!, d.domain).toBeCloseTo(mine.filter((r) => r.correct === 1).length / mine.length, 2);
      expect(d.mastery).toBeGreaterThanOrEqual(0);
      expect(d.mastery).toBeLessThanOrEqual(1);
    }
  });

  it("takes one piped line per question, also a single letter on a 'choose two' question", async () => {
    // This section's only question is multiple response: a lone "A" is recorded as a (wrong) answer
    // rather than stalling the quiz, so `printf 'A\nB\nC\n' | tutor quiz --count 3` always answers three.
    const quiz = await tutor(['quiz', '--section', 'ai-language/amazon-textract', '--db', db], { stdin: 'A\n' });
    expect(quiz.code, quiz.stderr).toBe(0);
    expect(quiz.stdout).toMatch(/Done: 0\/1 right/);
    expect(attempts()).toHaveLength(1);
    expect(attempts()[0]!.correct).toBe(0);
  });

  it('saves what was answered when input ends mid-quiz, and the next run resumes without repeating a question', async () => {
    const first = await tutor(['quiz', '--count', '3', '--db', db], { replies: [right] });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Saved 1 answer\b/);
    expect(first.stdout).not.toContain('Done:');
    expectClean(first);
    expect(attempts()).toHaveLength(1);

    const second = await tutor(['quiz', '--count', '3', '--db', db], { replies: [wrong, right] });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain('Resuming');
    expect(shownIds(second.stdout)).toHaveLength(2);
    expect(second.stdout).toMatch(/^Question 2\/3\b/m);
    expect(second.stdout).not.toMatch(/^Question 1\/3\b/m);
    expect(second.stdout).toContain('Done:');

    const rows = attempts();
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r.question_id)).size).toBe(3);
    expect(rows.map((r) => r.step)).toEqual([0, 1, 2]);
  });

  it('answers an invalid line with an error on stderr and does not count it', async () => {
    const quiz = await tutor(['quiz', '--count', '3', '--db', db], { replies: ['Z', 'hello', right, wrong, right] });
    expect(quiz.code, quiz.stderr).toBe(0);
    expect(quiz.stderr).toMatch(/"?z"?.*not an answer/i);
    expect(quiz.stderr).toMatch(/hello/i);
    expectClean(quiz);
    // Question 1 was shown three times: once, and again after each invalid line.
    expect(quiz.stdout.match(/^Question 1\/3\b/gm)).toHaveLength(3);
    expect(quiz.stdout).toContain('Done:');
    const rows = attempts();
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r.chosen).some((c) => /[^A-H]/.test(c))).toBe(false);
  });

  it('--mode missed has nothing to replay on a fresh db, then replays exactly the questions last answered wrong', async () => {
    const empty = await tutor(['quiz', '--mode', 'missed', '--db', db]);
    expect(empty.code, empty.stderr).toBe(0);
    expect(empty.stdout + empty.stderr).toMatch(/no missed questions|nothing to replay/i);
    expect(shownIds(empty.stdout)).toEqual([]);
    expectClean(empty);

    const quiz = await tutor(['quiz', '--count', '3', '--db', db], { replies: [wrong, right, wrong] });
    expect(quiz.code, quiz.stderr).toBe(0);
    const rows = attempts();
    expect(rows).toHaveLength(3);
    const missed = rows.filter((r) => r.correct === 0).map((r) => r.question_id);
    expect(missed).toHaveLength(2);

    const replay = await tutor(['quiz', '--mode', 'missed', '--db', db], { replies: [right, right, right] });
    expect(replay.code, replay.stderr).toBe(0);
    expect(replay.stdout).toContain('Done:');
    expect([...new Set(shownIds(replay.stdout))].sort()).toEqual([...missed].sort());
  });

  it('refuses an unknown domain (exit 1, naming the valid ones) and --count 0 (exit 2, usage, no stack trace)', async () => {
    const domain = await tutor(['quiz', '--domain', 'nope', '--db', db]);
    expect(domain.code).toBe(1);
    expect(domain.stderr).toContain('nope');
    for (const d of mls.domains) expect(domain.stderr).toContain(d.id);
    expect(shownIds(domain.stdout)).toEqual([]);
    expectClean(domain);

    const count = await tutor(['quiz', '--count', '0', '--db', db]);
    expect(count.code).toBe(2);
    expect(count.stderr).toMatch(/--count/);
    expect(count.stderr).toMatch(/1 to \d+|whole number|usage/i);
    expect(shownIds(count.stdout)).toEqual([]);
    expectClean(count);
  });
});

describe('tutor exam', () => {
  it('scores a piped four-question exam 100-1000 with domains and a review, and stores it', async () => {
    const exam = await tutor(['exam', '--length', '4', '--db', db], { stdin: 'A\nA\nA\nA\ns\n' });
    expect(exam.code, exam.stderr).toBe(0);
    expectClean(exam);
    const score = /^(PASS|FAIL): (\d+)\b/m.exec(exam.stdout);
    expect(score, exam.stdout).not.toBeNull();
    const scaled = Number(score![2]);
    expect(scaled).toBeGreaterThanOrEqual(100);
    expect(scaled).toBeLessThanOrEqual(1000);
    expect(score![1]).toBe(scaled >= mls.exam.score.pass ? 'PASS' : 'FAIL');
    expect(exam.stdout).toContain('By domain');

    const sessions = readDb(
      db,
      (s) =>
        s.prepare("SELECT kind, finished_at FROM sessions WHERE kind = 'exam'").all() as Array<{
          kind: string;
          finished_at: number | null;
        }>,
    );
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.finished_at).not.toBeNull();

    const rows = attempts();
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.source === 'exam' && r.chosen === 'A')).toBe(true);
    expect(new Set(rows.map((r) => r.question_id)).size).toBe(4);
    expect(new Set(rows.map((r) => r.question_id))).toEqual(new Set(shownIds(exam.stdout)));

    const correct = rows.filter((r) => r.correct === 1).length;
    expect(exam.stdout).toContain(`${correct}/4 right`);
    const wrongRows = rows.filter((r) => r.correct === 0);
    if (wrongRows.length === 0) {
      expect(exam.stdout).not.toMatch(/Review:/);
    } else {
      // Every wrong answer is reviewed with its prompt and the keyed answer.
      expect(exam.stdout).toContain(`Review: ${wrongRows.length} to learn from`);
      const review = exam.stdout.slice(exam.stdout.indexOf('Review:'));
      for (const r of wrongRows) {
        const q = content.pool.byId.get(r.question_id)!;
        expect(review).toContain(q.prompt);
        expect(review).toContain(`Answer: ${q.answer.join('')}`);
      }
    }
  });
});

describe('tutor lookup, sections, questions (machine-readable forms)', () => {
  it('lookup --json prints one JSON line with the best section first', async () => {
    const one = await tutor(['lookup', '--json', 'pipe mode']);
    expect(one.code, one.stderr).toBe(0);
    const lines = jsonLines(one.stdout) as Array<{ query: string; results: Array<Record<string, unknown>> }>;
    expect(lines).toHaveLength(1);
    expect(lines[0]!.query).toBe('pipe mode');
    expect(lines[0]!.results.length).toBeGreaterThan(2);
    expect(lines[0]!.results[0]!.id).toBe('sagemaker-data-input/pipe-mode');
    for (const r of lines[0]!.results) {
      expect(typeof r.id).toBe('string');
      expect(typeof r.title).toBe('string');
      expect(typeof r.domain).toBe('string');
      expect(typeof r.score).toBe('number');
      expect(typeof r.text).toBe('string');
    }
  });

  it('lookup --json --limit 2 with no query answers each stdin line with its own JSON line, in order, at most 2 results each', async () => {
    const run = await tutor(['lookup', '--json', '--limit', '2'], { stdin: 'pipe mode\nkinesis shards\nt-SNE\n' });
    expect(run.code, run.stderr).toBe(0);
    const lines = jsonLines(run.stdout) as Array<{ query: string; results: Array<{ id: string }> }>;
    expect(lines.map((l) => l.query)).toEqual(['pipe mode', 'kinesis shards', 't-SNE']);
    for (const l of lines) {
      expect(l.results.length, l.query).toBeGreaterThan(0);
      expect(l.results.length, l.query).toBeLessThanOrEqual(2);
    }
    expect(lines[0]!.results[0]!.id).toBe('sagemaker-data-input/pipe-mode');
  });

  it('sections --json prints one section per line with unique ids and texts that fit an embed', async () => {
    const run = await tutor(['sections', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const lines = jsonLines(run.stdout) as Array<Record<string, unknown>>;
    expect(lines.length).toBeGreaterThanOrEqual(60);
    const domains = new Set([...content.exams.values()].flatMap((e) => e.domains.map((d) => d.id)));
    for (const s of lines) {
      for (const key of ['id', 'title', 'domain', 'text', 'source']) expect(typeof s[key], `${String(s.id)}.${key}`).toBe('string');
      expect((s.text as string).length, String(s.id)).toBeLessThanOrEqual(4096);
      expect(domains.has(s.domain as string), String(s.id)).toBe(true);
    }
    expect(new Set(lines.map((s) => s.id)).size).toBe(lines.length);
  });

  it('questions --json prints every question with its place in each exam and its domain in the default exam; without --json, a summary', async () => {
    const json = await tutor(['questions', '--json']);
    expect(json.code, json.stderr).toBe(0);
    const lines = jsonLines(json.stdout) as Array<{
      id: string;
      domain: string | null;
      exams: Record<string, { bullet: string; task: string; domain: string }>;
    }>;
    expect(lines.length).toBe(content.pool.questions.length);
    const domains = mls.domains.map((d) => d.id);
    for (const q of lines) {
      if (q.exams['mls-c01']) expect(q.domain, q.id).toBe(q.exams['mls-c01'].domain);
      else expect(q.domain, q.id).toBeNull();
      for (const [code, place] of Object.entries(q.exams)) expect(place.bullet.startsWith(place.task), `${q.id} ${code}`).toBe(true);
    }
    expect(lines.some((q) => q.exams['mla-c02'] && q.exams['mls-c01'])).toBe(true);
    expect(new Set(lines.map((q) => q.id)).size).toBe(lines.length);

    const summary = await tutor(['questions']);
    expect(summary.code, summary.stderr).toBe(0);
    expect(summary.stdout).toContain(String(lines.length));
    for (const d of domains) expect(summary.stdout).toContain(d);
  });
});

describe('tutor validate and backup', () => {
  it('validate says OK on the shipped content', async () => {
    const run = await tutor(['validate']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('OK');
    expect(run.stderr).toBe('');
  });

  it('backup makes a readable copy with the same answers, and never overwrites an existing file', async () => {
    const quiz = await tutor(['quiz', '--count', '3', '--db', db], { replies: [right, wrong, right] });
    expect(quiz.code, quiz.stderr).toBe(0);
    expect(attempts()).toHaveLength(3);

    const out = join(dir, 'backup.db');
    const backup = await tutor(['backup', out, '--db', db]);
    expect(backup.code, backup.stderr).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(attempts(out)).toEqual(attempts());

    writeFileSync(join(dir, 'precious.db'), 'not to be touched');
    const onto = await tutor(['backup', join(dir, 'precious.db'), '--db', db]);
    expect(onto.code).toBe(2);
    expect(onto.stderr).toMatch(/exists/i);
    expectClean(onto);
    expect(readFileSync(join(dir, 'precious.db'), 'utf8')).toBe('not to be touched');
  });
});
