import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fixedClock } from '../tests/helpers/clock.js';
import { openDatabase, type Database } from '../src/db/connection.js';
import { boardOf, type LeaderboardScope } from '../src/study/leaderboard.js';
import type { Period } from '../src/progress/calendar.js';
import { recordAnswer, type AnswerInput } from '../src/study/record-answer.js';

/**
 * Store figures: answers/s through recordAnswer against plain inserts on the same pragmas (the gap is
 * the price of cards, streaks and totals), and leaderboard latency on a large guild.
 */

const DOMAINS = ['data-engineering', 'eda', 'modeling', 'ml-ops'] as const;
const DAY_MS = 86_400_000;
const GUILD = '100000000000000001';

/** Deterministic PRNG so every run builds the same data. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Quizzes of ten answers each, by 200 people in turn, over 300 questions. */
function answerInputs(count: number, random: () => number): AnswerInput[] {
  return Array.from({ length: count }, (_, i) => {
    const q = Math.floor(random() * 300);
    return {
      personId: `p${Math.floor(i / 10) % 200}`,
      guildId: GUILD,
      zone: 'Europe/Berlin',
      questionId: `q${q}`,
      sectionId: `s${q % 60}`,
      domain: DOMAINS[q % 4]!,
      chosen: 'A',
      correct: random() < 0.7,
      source: 'quiz',
      sourceRef: `sess${Math.floor(i / 10)}`,
      step: i % 10,
      durationMs: Math.floor(random() * 30_000),
      fastThresholdMs: 8_000,
    };
  });
}

const WARM_UP = 1_000;
const ROUNDS = 3;
const PER_ROUND = 8_000;

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** Rate of `write` over consecutive rounds after a warm-up (JIT, page cache); the median round. */
function ratePerSecond(inputs: AnswerInput[], write: (input: AnswerInput) => void): number {
  for (const input of inputs.slice(0, WARM_UP)) write(input);
  const rates: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const batch = inputs.slice(WARM_UP + round * PER_ROUND, WARM_UP + (round + 1) * PER_ROUND);
    const started = performance.now();
    for (const input of batch) write(input);
    rates.push(batch.length / ((performance.now() - started) / 1000));
  }
  return median(rates);
}

function measureAnswers(dir: string): { recordPerS: number; rawPerS: number } {
  const inputs = answerInputs(WARM_UP + ROUNDS * PER_ROUND, mulberry32(1));

  const store = openDatabase(join(dir, 'answers.db'));
  const clock = fixedClock('2025-03-10T08:00:00Z');
  const recordPerS = ratePerSecond(inputs, (input) => {
    clock.advance(1_000);
    recordAnswer(store, input, clock);
  });
  store.close();

  // The same rows into attempts alone, one transaction each, same pragmas: the floor for a commit.
  const raw = openDatabase(join(dir, 'raw.db'));
  const person = raw.sqlite.prepare(`INSERT INTO people (id, created_at) VALUES (?, 0)`);
  for (let p = 0; p < 200; p++) person.run(`p${p}`);
  const insert = raw.sqlite.prepare(`
    INSERT INTO attempts (person_id, guild_id, question_id, section_id, domain, chosen, correct, source,
                          source_ref, step, duration_ms, answered_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertOne = raw.sqlite.transaction((input: AnswerInput, at: number) => {
    insert.run(
      input.personId,
      input.guildId,
      input.questionId,
      input.sectionId,
      input.domain,
      input.chosen,
      input.correct ? 1 : 0,
      input.source,
      input.sourceRef,
      input.step,
      input.durationMs,
      at,
    );
  });
  let at = Date.parse('2025-03-10T08:00:00Z');
  const rawPerS = ratePerSecond(inputs, (input) => insertOne.immediate(input, (at += 1_000)));
  raw.close();
  return { recordPerS, rawPerS };
}

const MEMBERS = 10_000;
const ATTEMPTS = 1_000_000;
const DAYS = 180;
const GROUPS = 200;

/** One big guild, written straight with prepared statements in large transactions. */
export function buildGuild(store: Database, now: Date): void {
  const random = mulberry32(2);
  const { sqlite } = store;
  // Setup only: a big page cache keeps the random index inserts in memory.
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma('cache_size = -524288');
  const person = sqlite.prepare(`INSERT INTO people (id, time_zone, created_at) VALUES (?, NULL, 0)`);
  const streak = sqlite.prepare(`INSERT INTO streaks (person_id, current, best, last_day) VALUES (?, ?, ?, ?)`);
  const group = sqlite.prepare(`INSERT INTO study_groups (id, guild_id, name, name_key, created_by, created_at) VALUES (?, ?, ?, ?, ?, 0)`);
  const member = sqlite.prepare(`INSERT INTO group_members (group_id, guild_id, person_id, joined_at) VALUES (?, ?, ?, 0)`);
  const attempt = sqlite.prepare(`
    INSERT INTO attempts (person_id, guild_id, question_id, section_id, domain, chosen, correct, source,
                          source_ref, step, duration_ms, answered_at)
    VALUES (?, ?, ?, ?, ?, 'A', ?, 'quiz', ?, ?, NULL, ?)`);
  sqlite.transaction(() => {
    for (let g = 1; g <= GROUPS; g++) group.run(g, GUILD, `Group ${g}`, `group ${g}`, 'm0');
    for (let m = 0; m < MEMBERS; m++) {
      const id = `m${m}`;
      person.run(id);
      streak.run(id, 1 + (m % 30), 30, new Date(now.getTime() - (m % 3) * DAY_MS).toISOString().slice(0, 10));
      // Four in five members are in a group.
      if (m % 5 !== 0) member.run(1 + (m % GROUPS), GUILD, id);
    }
  })();
  // Bulk load without the attempts indexes, then rebuild them from their own definitions: building an
  // index by sorting is several times faster than a million random B-tree inserts. Same schema after.
  const indexes = sqlite
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'attempts' AND sql IS NOT NULL`)
    .all() as { name: string; sql: string }[];
  for (const { name } of indexes) sqlite.exec(`DROP INDEX "${name}"`);
  const span = DAYS * DAY_MS;
  const batch = 100_000;
  const insertBatch = sqlite.transaction((from: number) => {
    for (let i = from; i < from + batch; i++) {
      // Activity skewed: some members answer far more than others.
      const m = Math.floor(MEMBERS * random() ** 2);
      const q = Math.floor(random() * 300);
      attempt.run(
        `m${m}`,
        GUILD,
        `q${q}`,
        `s${q % 60}`,
        DOMAINS[q % 4],
        random() < 0.65 ? 1 : 0,
        `b${Math.floor(i / 10)}`,
        i % 10,
        now.getTime() - Math.floor(random() * span),
      );
    }
  });
  for (let from = 0; from < ATTEMPTS; from += batch) insertBatch(from);
  for (const { sql } of indexes) sqlite.exec(sql);
  // What recordAnswer and joinGroup would have left in member_totals.
  sqlite.exec(`
    INSERT INTO member_totals (guild_id, person_id, attempts, correct, points, group_id)
    SELECT a.guild_id, a.person_id, count(*), sum(a.correct), sum(a.correct) * 10 + count(*) - sum(a.correct),
           (SELECT gm.group_id FROM group_members gm WHERE gm.guild_id = a.guild_id AND gm.person_id = a.person_id)
    FROM attempts a GROUP BY a.guild_id, a.person_id`);
  sqlite.exec('ANALYZE');
  sqlite.pragma(`cache_size = ${cacheSize}`);
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[index] ?? NaN;
}

interface BoardFigures {
  p50: number;
  p99: number;
  /** The first week and first month call, which take the period baselines. */
  coldMs: number;
  buildS: number;
}

function measureLeaderboard(dir: string): BoardFigures {
  const clock = fixedClock('2025-03-20T12:00:00Z');
  const store = openDatabase(join(dir, 'board.db'));
  const built = performance.now();
  buildGuild(store, clock.now());
  const buildS = (performance.now() - built) / 1000;

  const periods: Period[] = ['week', 'month', 'all'];
  const scopes: LeaderboardScope[] = ['members', 'groups'];
  const call = (i: number): number => {
    const t0 = performance.now();
    boardOf(store, {
      guildId: GUILD,
      period: periods[i % 3]!,
      scope: scopes[Math.floor(i / 3) % 2]!,
      callerId: `m${(i * 7919) % MEMBERS}`,
      tz: 'Europe/Berlin',
      now: clock.now(),
    });
    return performance.now() - t0;
  };
  const coldMs = Math.max(call(0), call(1));
  for (let i = 2; i < 30; i++) call(i);
  const times: number[] = [];
  for (let i = 0; i < 300; i++) {
    // Answers keep arriving between boards, as in a live guild (not timed).
    clock.advance(1_000);
    recordAnswer(store, { ...answerInputs(1, mulberry32(i))[0]!, personId: `m${(i * 31) % MEMBERS}`, sourceRef: `live${i}` }, clock);
    times.push(call(i));
  }
  store.close();
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p99: percentile(times, 0.99), coldMs, buildS };
}

export async function run(): Promise<Array<{ name: string; value: number }>> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-store-'));
  try {
    const answers = measureAnswers(dir);
    const board = measureLeaderboard(dir);
    return [
      { name: 'answers.per_s', value: Math.round(answers.recordPerS) },
      { name: 'answers.raw_insert.per_s', value: Math.round(answers.rawPerS) },
      { name: 'leaderboard.p50_ms', value: Number(board.p50.toFixed(2)) },
      { name: 'leaderboard.p99_ms', value: Number(board.p99.toFixed(2)) },
      { name: 'leaderboard.first_call_ms', value: Number(board.coldMs.toFixed(1)) },
      { name: 'leaderboard.build_s', value: Number(board.buildS.toFixed(1)) },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
