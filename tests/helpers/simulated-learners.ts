// Synthetic learners of known ability study through the real engine (quiz selection, answers, cards),
// then the readiness estimate is compared with the score their true ability implies, and its pass
// probability with the outcome of a simulated real exam. Used by the readiness test and bench.
import type { Content } from '../../src/core/content.js';
import type { Engine } from '../../src/core/engine.js';
import { openDatabase } from '../../src/db/connection.js';
import { drawExam } from '../../src/quiz/exam-draw.js';
import { normalCdf } from '../../src/progress/readiness.js';
import { answerQuiz, startQuiz } from '../../src/study/quiz.js';
import { readiness } from '../../src/study/readiness.js';
import { fixedClock } from './clock.js';

export interface SimulationOptions {
  content: Content;
  exam: string;
  learners: number;
  answersEach: number;
  seed: number;
}

export interface LearnerResult {
  trueScore: number;
  score: number;
  low: number;
  high: number;
  passProbability: number;
  baselinePassProbability: number;
  passedExam: boolean;
}

export interface SimulationReport {
  learners: LearnerResult[];
  /** Mean absolute error of the predicted score against the true expected score, in scaled points. */
  mae: number;
  /** Share of learners whose true expected score lies inside [low, high]. */
  intervalCoverage: number;
  /** Brier score of the pass probability against the simulated exam's outcome; and of the baseline. */
  brier: number;
  baselineBrier: number;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
/** The world's difficulties differ from the model's assumed offsets on purpose: the model must cope. */
const TRUE_OFFSET: Record<number, number> = { 1: -0.9, 2: 0.05, 3: 0.95 };
const DAY_MS = 86_400_000;

export function simulateLearners(options: SimulationOptions): SimulationReport {
  const random = mulberry32(options.seed);
  const { content } = options;
  const exam = content.exams.get(options.exam)!;
  const store = openDatabase(':memory:');
  const clock = fixedClock('2026-01-05T09:00:00Z');
  const engine: Engine = { content, store, clock, random, defaults: { timeZone: 'UTC', exam: exam.code } };
  const serving = content.pool.questions.filter((q) => q.exams[exam.code]);
  const questionOffset = new Map(serving.map((q) => [q.id, (TRUE_OFFSET[q.difficulty] ?? 0) + 0.35 * normal(random)]));
  const { min, max, pass } = exam.exam.score;
  const scaled = (share: number) => min + (max - min) * share;
  const passShare = (pass - min) / (max - min);
  const scored = Math.round((exam.exam.questions * 50) / 65);
  const results: LearnerResult[] = [];

  for (let n = 0; n < options.learners; n++) {
    const personId = `learner-${n}`;
    const level = 0.9 + 0.9 * normal(random);
    const ability = new Map(exam.tasks.map((t) => [t.id, level + 0.6 * normal(random)]));
    const chance = (questionId: string) => {
      const q = content.pool.byId.get(questionId)!;
      return sigmoid(ability.get(q.exams[exam.code]!.task)! - questionOffset.get(q.id)!);
    };
    clock.set(new Date(Date.parse('2026-01-05T09:00:00Z') + n * 1000));
    let answered = 0;
    let right = 0;
    while (answered < options.answersEach) {
      const started = startQuiz(engine, { personId, guildId: null, count: 10, fresh: true });
      if (!started.ok) throw new Error(`quiz refused: ${started.reason}`);
      const { session } = started.step;
      for (let step = 0; step < session.questionIds.length && answered < options.answersEach; step++) {
        const q = content.pool.byId.get(session.questionIds[step]!)!;
        const correct = random() < chance(q.id);
        const wrong =
          q.answer.length === 1
            ? q.answer[0] === 'A'
              ? 'B'
              : 'A'
            : 'ABCDE'
                .split('')
                .filter((l) => !q.answer.includes(l))
                .slice(0, q.answer.length)
                .join('');
        const fed = answerQuiz(engine, {
          sessionId: session.id,
          personId,
          step,
          chosen: correct ? q.answer.join('') : wrong,
          durationMs: 40_000,
        });
        if (!fed.ok) throw new Error(`answer refused: ${fed.reason}`);
        answered++;
        if (correct) right++;
        clock.advance(60_000);
      }
      // About ten answers a study day.
      clock.advance(DAY_MS);
    }
    const { estimate } = readiness(engine, { personId, guildId: null, exam });
    // The truth: the expected share right on an exam drawn by the blueprint, task by task.
    let trueShare = 0;
    const totalWeight = exam.domains.reduce((s, d) => s + d.weight, 0);
    for (const d of exam.domains)
      for (const t of d.tasks) {
        const qs = serving.filter((q) => q.exams[exam.code]!.task === t.id);
        const mean = qs.length ? qs.reduce((s, q) => s + chance(q.id), 0) / qs.length : 0;
        trueShare += (d.weight / totalWeight / d.tasks.length) * mean;
      }
    // One real exam, taken today: the scored questions of a draw, answered with the true chances.
    const drawn = drawExam(serving, exam, exam.exam.questions, random).slice(0, scored);
    const examShare = drawn.filter((q) => random() < chance(q.id)).length / drawn.length;
    const accuracy = right / answered;
    results.push({
      trueScore: scaled(trueShare),
      score: estimate.score,
      low: estimate.low,
      high: estimate.high,
      passProbability: estimate.passProbability,
      // The baseline: overall accuracy taken as the exam share, with the same luck-of-the-draw spread.
      baselinePassProbability: normalCdf(
        (accuracy - passShare) / Math.sqrt((accuracy * (1 - accuracy)) / answered + (accuracy * (1 - accuracy)) / scored + 1e-9),
      ),
      passedExam: examShare >= passShare,
    });
  }
  store.close();
  const mean = (f: (r: LearnerResult) => number) => results.reduce((s, r) => s + f(r), 0) / results.length;
  return {
    learners: results,
    mae: mean((r) => Math.abs(r.score - r.trueScore)),
    intervalCoverage: mean((r) => (r.trueScore >= r.low && r.trueScore <= r.high ? 1 : 0)),
    brier: mean((r) => (r.passProbability - (r.passedExam ? 1 : 0)) ** 2),
    baselineBrier: mean((r) => (r.baselinePassProbability - (r.passedExam ? 1 : 0)) ** 2),
  };
}
