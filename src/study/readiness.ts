import type { Engine } from '../core/engine.js';
import { answerHistory } from '../db/attempts.js';
import { cardsForPerson } from '../db/cards.js';
import type { Exam } from '../knowledge/exams.js';
import { estimateReadiness, type Readiness, type ReadinessBlueprint } from '../progress/readiness.js';
import { retrievability } from '../progress/scheduling.js';
import { examFor } from './preferences.js';

export type { Readiness } from '../progress/readiness.js';

/** What `tutor stats --json` and the card carry: null figures until the evidence is enough. */
export interface ReadinessView {
  exam: string;
  score: number | null;
  low: number | null;
  high: number | null;
  pass_probability: number | null;
  answers: number;
  enough: boolean;
  /** When not enough: how many more answers, and mostly in which domain (its name). */
  needed: number;
  needed_mostly: string | null;
  /** The two tasks that would raise the score most. */
  raise: Array<{ task: string; name: string }>;
  pass: number;
  min: number;
  max: number;
}

/** The exam's blueprint as the readiness model reads it: weights, tasks and each task's mix of difficulties. */
export function readinessBlueprint(engine: Pick<Engine, 'content'>, exam: Exam): ReadinessBlueprint {
  const difficulties = new Map<string, number[]>();
  for (const q of engine.content.pool.questions) {
    const task = q.exams[exam.code]?.task;
    if (task) difficulties.set(task, [...(difficulties.get(task) ?? []), q.difficulty]);
  }
  return {
    domains: exam.domains.map((d) => ({
      id: d.id,
      weight: d.weight,
      tasks: d.tasks.map((t) => ({ id: t.id, difficulties: difficulties.get(t.id) ?? [] })),
    })),
    score: exam.exam.score,
    // AWS scores 50 of the 65 questions; an exam file states its length, and 15 unscored is the usual share.
    scoredQuestions: Math.max(1, Math.round((exam.exam.questions * 50) / 65)),
    minAnswers: exam.readiness.min_answers,
    minDomainAnswers: exam.readiness.min_domain_answers,
  };
}

/** A person's readiness for an exam (theirs, unless one is given). */
export function readiness(
  engine: Engine,
  input: { personId: string; guildId: string | null; exam?: Exam },
): { exam: Exam; estimate: Readiness } {
  const exam = input.exam ?? examFor(engine, input.personId, input.guildId);
  const now = engine.clock.now();
  const cards = new Map(cardsForPerson(engine.store, input.personId).map((c) => [c.questionId, c.card]));
  const answers = answerHistory(engine.store, input.personId).flatMap((a) => {
    const q = engine.content.pool.byId.get(a.questionId);
    const task = q?.exams[exam.code]?.task;
    if (!q || !task) return [];
    const card = cards.get(a.questionId);
    return [
      {
        questionId: q.id,
        task,
        difficulty: q.difficulty,
        correct: a.correct,
        answeredAt: a.answeredAt,
        retrievability: card ? retrievability(card, now) : null,
      },
    ];
  });
  return { exam, estimate: estimateReadiness(answers, readinessBlueprint(engine, exam), now) };
}

export function readinessView(exam: Exam, estimate: Readiness): ReadinessView {
  const shown = estimate.enough;
  return {
    exam: exam.code,
    score: shown ? estimate.score : null,
    low: shown ? estimate.low : null,
    high: shown ? estimate.high : null,
    pass_probability: shown ? Math.round(estimate.passProbability * 1000) / 1000 : null,
    answers: estimate.answers,
    enough: estimate.enough,
    needed: estimate.needed,
    needed_mostly: estimate.neededMostly ? (exam.domains.find((d) => d.id === estimate.neededMostly)?.name ?? estimate.neededMostly) : null,
    raise: estimate.raise.map((r) => ({ task: r.task, name: exam.tasks.find((t) => t.id === r.task)?.name ?? r.task })),
    pass: exam.exam.score.pass,
    min: exam.exam.score.min,
    max: exam.exam.score.max,
  };
}
