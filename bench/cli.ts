import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, percentile, round, type Figure } from './stats.js';

/**
 * Wall-clock time of the terminal tutor as a user feels it: from spawning the process to its exit
 * (`lookup`), or to the first question's answer prompt (`quiz`), beside `node -e 0` in the same run.
 * The tutor runs as the package's binary does (`node bin/tutor.js`, the bundle `npm ci` builds), not
 * through npm, whose own start-up would dominate. One run at a time (the machine has two cores);
 * the three kinds take turns so drift hits all alike, after one warm-up run of each that is not counted.
 * BENCH_CLI_RUNS sets the number of counted runs of each (default 15).
 */
const RUNS = Number(process.env.BENCH_CLI_RUNS ?? 15);
const ROOT = join(import.meta.dirname, '..');
const TUTOR = 'bin/tutor.js';
/** The line-mode prompt after a question (stdin is not a terminal): one answer, or N letters. */
const PROMPT = /Your (?:answer|\d+ letters): /;
const RUN_TIMEOUT_MS = 60_000;

/** Milliseconds from spawn to exit; the run fails unless the process exits 0. */
function timeToExit(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer): void => void (output = (output + chunk.toString('utf8')).slice(-4000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      const ms = performance.now() - started;
      clearTimeout(timer);
      if (code === 0) resolve(ms);
      else reject(new Error(`cli bench: node ${args.join(' ')} exited with ${signal ?? `code ${String(code)}`}\n${output}`));
    });
  });
}

/**
 * Milliseconds from spawn until stdout shows the first answer prompt; then stdin is closed (the quiz
 * keeps what was answered, i.e. nothing, and exits) and the process is waited for before the next run.
 */
function timeToFirstQuestion(dbPath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const args = [TUTOR, 'quiz', '--db', dbPath, '--count', '3'];
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let prompted: number | null = null;
    child.stdout.on('data', (chunk: Buffer) => {
      if (prompted !== null) return;
      stdout = (stdout + chunk.toString('utf8')).slice(-4000);
      if (PROMPT.test(stdout)) {
        prompted = performance.now() - started;
        child.stdin.end();
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      }
    });
    child.stderr.on('data', (chunk: Buffer) => void (stderr = (stderr + chunk.toString('utf8')).slice(-4000)));
    child.stdin.on('error', () => {
      // The process may exit before stdin closes (EPIPE); the exit handler reports what matters.
    });
    // No prompt within the limit, or no exit soon after it: kill, and fail below.
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (prompted !== null) resolve(prompted);
      else
        reject(
          new Error(
            `cli bench: node ${args.join(' ')} ended (${signal ?? `code ${String(code)}`}) before an answer prompt\n${stdout}\n${stderr}`,
          ),
        );
    });
  });
}

export async function run(): Promise<Figure[]> {
  if (!Number.isInteger(RUNS) || RUNS < 1)
    throw new Error(`BENCH_CLI_RUNS must be a whole number of at least 1, not "${process.env.BENCH_CLI_RUNS}"`);
  // What a user runs after `npm ci`: the compiled tutor. Build it now, so an edit to src/ since the
  // last build does not send every run through the TypeScript fallback.
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'ignore' });
  const dir = mkdtempSync(join(tmpdir(), 'bench-cli-'));
  const node: number[] = [];
  const lookup: number[] = [];
  const quiz: number[] = [];
  try {
    for (let i = -1; i < RUNS; i++) {
      // A new database file each run, so a quiz never resumes and every run does the same work.
      const db = join(dir, `quiz-${i + 1}.db`);
      const n = await timeToExit(['-e', '0']);
      const l = await timeToExit([TUTOR, 'lookup', 'pipe mode']);
      const q = await timeToFirstQuestion(db);
      for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(db + suffix, { force: true });
      if (i < 0) continue; // warm-up: not counted
      node.push(n);
      lookup.push(l);
      quiz.push(q);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return [
    { name: 'cli.runs', value: RUNS },
    { name: 'cli.node_baseline.wall_ms', value: round(median(node), 1) },
    { name: 'cli.node_baseline.wall_p90_ms', value: round(percentile(node, 90), 1) },
    { name: 'cli.lookup.wall_ms', value: round(median(lookup), 1) },
    { name: 'cli.lookup.wall_p90_ms', value: round(percentile(lookup, 90), 1) },
    { name: 'cli.quiz_first_question.wall_ms', value: round(median(quiz), 1) },
    { name: 'cli.quiz_first_question.wall_p90_ms', value: round(percentile(quiz, 90), 1) },
    { name: 'cli.lookup_vs_node_ratio', value: round(median(lookup) / median(node), 2) },
    { name: 'cli.quiz_first_question_vs_node_ratio', value: round(median(quiz) / median(node), 2) },
    { name: 'cli.lookup_p90_vs_node_ratio', value: round(percentile(lookup, 90) / percentile(node, 90), 2) },
    { name: 'cli.quiz_first_question_p90_vs_node_ratio', value: round(percentile(quiz, 90) / percentile(node, 90), 2) },
  ];
}
