/**
 * "Would I pass today?": a predicted scaled score with an interval and a pass probability, from the
 * person's answers, task by task, combined by the exam's weights.
 *
 * The model: the chance of answering a question of task t right is σ(θ_t − b), with b the question's
 * difficulty offset. Each task's ability θ_t is estimated by weighted logistic regression (MAP) around
 * the person's overall ability θ, so a task with few answers leans on the rest. An answer counts less
 * as it ages (half-life), and a right answer counts only as much as the person would still recall it
 * now (its FSRS retrievability), so knowledge that was not reviewed fades from the estimate.
 *
 * The expected share of a real exam right is the blueprint's weighted mean of the tasks' expected
 * shares (each task's own mix of difficulties), mapped linearly onto the scaled range: AWS publishes
 * no raw-to-scaled mapping, so this is an assumption, stated in README.md. Validated on simulated
 * learners of known ability (bench/readiness.ts, tests/study/readiness.test.ts).
 */

/** Logit offsets of the three difficulty levels. */
export const DIFFICULTY_OFFSET: Readonly<Record<number, number>> = { 1: -0.8, 2: 0, 3: 0.8 };
/** An answer weighs half as much after this many days. */
const HALF_LIFE_DAYS = 30;
/** Prior on overall ability: centred on a 50% chance at medium difficulty, wide. */
const PRIOR_SD = 1.5;
/** How far a task's ability may stray from the person's overall ability before evidence says so. */
const TASK_SD = 0.6;
/** A 90% interval. */
const Z_90 = 1.645;
const DAY_MS = 86_400_000;

export interface ReadinessAnswer {
  questionId: string;
  task: string;
  difficulty: number;
  correct: boolean;
  answeredAt: Date;
  /** The chance the person would still answer this question right now (FSRS); null when unknown. */
  retrievability: number | null;
}

export interface ReadinessBlueprint {
  domains: ReadonlyArray<{ id: string; weight: number; tasks: ReadonlyArray<{ id: string; difficulties: readonly number[] }> }>;
  score: { min: number; max: number; pass: number };
  /** Questions that count on the real exam (the rest are unscored). */
  scoredQuestions: number;
  minAnswers: number;
  minDomainAnswers: number;
}

export interface Readiness {
  /** Predicted scaled score and its 90% interval (of the expected score). */
  score: number;
  low: number;
  high: number;
  /** Chance of passing an exam taken today: the estimate's uncertainty plus the luck of the draw. */
  passProbability: number;
  /** Answers to questions of this exam, and per domain. */
  answers: number;
  domainAnswers: Record<string, number>;
  enough: boolean;
  /** When not enough: how many more answers, and the domain most of them should come from. */
  needed: number;
  neededMostly: string | null;
  /** Tasks that would raise the score most if mastered, best first. */
  raise: Array<{ task: string; gain: number }>;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** Standard normal CDF (Abramowitz-Stegun 7.1.26 on erf; error below 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

interface Evidence {
  weight: number;
  /** 0..1: a right answer scaled by how much of it is still remembered. */
  outcome: number;
  offset: number;
}

/** MAP of θ under a normal prior and weighted logistic evidence, by Newton's method; with its variance. */
function fitAbility(evidence: readonly Evidence[], priorMean: number, priorSd: number): { theta: number; variance: number } {
  let theta = priorMean;
  let information = 1 / priorSd ** 2;
  for (let i = 0; i < 25; i++) {
    let gradient = -(theta - priorMean) / priorSd ** 2;
    information = 1 / priorSd ** 2;
    for (const e of evidence) {
      const p = sigmoid(theta - e.offset);
      gradient += e.weight * (e.outcome - p);
      information += e.weight * p * (1 - p);
    }
    const step = gradient / information;
    theta += Math.max(-2, Math.min(2, step));
    if (Math.abs(step) < 1e-6) break;
  }
  return { theta, variance: 1 / information };
}

export function estimateReadiness(answers: readonly ReadinessAnswer[], blueprint: ReadinessBlueprint, now: Date): Readiness {
  // Spaced repetition brings back what was missed: a question answered three times is still one
  // question's worth of evidence about the task, or the hard ones would outvote the rest.
  const repeats = new Map<string, number>();
  for (const a of answers) repeats.set(a.questionId, (repeats.get(a.questionId) ?? 0) + 1);
  const evidenceOf = (a: ReadinessAnswer): Evidence => {
    const ageDays = Math.max(0, now.getTime() - a.answeredAt.getTime()) / DAY_MS;
    // A right answer whose memory has faded (FSRS retrievability) is weaker evidence, not a wrong one.
    const faded = a.correct && a.retrievability !== null ? 0.5 + 0.5 * a.retrievability : 1;
    return {
      weight: (0.5 ** (ageDays / HALF_LIFE_DAYS) * faded) / Math.sqrt(repeats.get(a.questionId)!),
      outcome: a.correct ? 1 : 0,
      offset: DIFFICULTY_OFFSET[a.difficulty] ?? 0,
    };
  };
  const overall = fitAbility(answers.map(evidenceOf), 0, PRIOR_SD);
  const byTask = new Map<string, Evidence[]>();
  for (const a of answers) byTask.set(a.task, [...(byTask.get(a.task) ?? []), evidenceOf(a)]);

  const totalWeight = blueprint.domains.reduce((n, d) => n + d.weight, 0);
  let share = 0;
  let independentVariance = 0;
  let sharedSlope = 0;
  const raise: Array<{ task: string; gain: number }> = [];
  for (const domain of blueprint.domains) {
    const taskWeight = domain.weight / totalWeight / Math.max(1, domain.tasks.length);
    for (const task of domain.tasks) {
      const fit = fitAbility(byTask.get(task.id) ?? [], overall.theta, TASK_SD);
      const offsets = (task.difficulties.length > 0 ? task.difficulties : [2]).map((d) => DIFFICULTY_OFFSET[d] ?? 0);
      const expected = offsets.reduce((n, b) => n + sigmoid(fit.theta - b), 0) / offsets.length;
      const slope = offsets.reduce((n, b) => n + sigmoid(fit.theta - b) * (1 - sigmoid(fit.theta - b)), 0) / offsets.length;
      share += taskWeight * expected;
      // The task's own uncertainty is independent; through the overall ability all tasks move together,
      // each as far as its estimate leans on the overall one (its shrinkage factor).
      independentVariance += (taskWeight * slope) ** 2 * fit.variance;
      sharedSlope += taskWeight * slope * (fit.variance / TASK_SD ** 2);
      raise.push({ task: task.id, gain: taskWeight * (1 - expected) });
    }
  }
  const variance = independentVariance + sharedSlope ** 2 * overall.variance;
  const sd = Math.sqrt(variance);
  const { min, max, pass } = blueprint.score;
  const scaled = (s: number) => Math.round(min + (max - min) * Math.min(1, Math.max(0, s)));
  const passShare = (pass - min) / (max - min);
  // On the day, a score also depends on which questions come up: the binomial spread of the scored ones.
  const drawVariance = (share * (1 - share)) / Math.max(1, blueprint.scoredQuestions);

  const domainAnswers = Object.fromEntries(blueprint.domains.map((d) => [d.id, 0]));
  const domainOfTask = new Map(blueprint.domains.flatMap((d) => d.tasks.map((t) => [t.id, d.id] as const)));
  for (const a of answers) {
    const d = domainOfTask.get(a.task);
    if (d) domainAnswers[d] = (domainAnswers[d] ?? 0) + 1;
  }
  const shortfalls = blueprint.domains.map((d) => ({
    id: d.id,
    short: Math.max(0, blueprint.minDomainAnswers - (domainAnswers[d.id] ?? 0)),
  }));
  const needed = Math.max(
    blueprint.minAnswers - answers.length,
    shortfalls.reduce((n, s) => n + s.short, 0),
  );
  // Most needed where a domain is short; else where the answers lag furthest behind the domain's weight.
  const lag = (d: { id: string; weight: number }) => (domainAnswers[d.id] ?? 0) / d.weight;
  const mostly = shortfalls.some((s) => s.short > 0)
    ? [...shortfalls].sort((a, b) => b.short - a.short)[0]!.id
    : [...blueprint.domains].sort((a, b) => lag(a) - lag(b))[0]?.id;
  return {
    score: scaled(share),
    low: scaled(share - Z_90 * sd),
    high: scaled(share + Z_90 * sd),
    passProbability: normalCdf((share - passShare) / Math.sqrt(variance + drawVariance)),
    answers: answers.length,
    domainAnswers,
    enough: needed === 0,
    needed,
    neededMostly: needed > 0 ? (mostly ?? null) : null,
    raise: raise.sort((a, b) => b.gain - a.gain).slice(0, 2),
  };
}
