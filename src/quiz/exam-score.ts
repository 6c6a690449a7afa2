import { z } from 'zod';
import type { Blueprint } from '../knowledge/blueprint.js';
import { grade } from './grading.js';
import type { Question } from './question.js';

export const examResultSchema = z.object({
  correct: z.number(),
  total: z.number(),
  scaled: z.number(),
  pass: z.number(),
  passed: z.boolean(),
  /** True when the deadline submitted the exam. */
  autoSubmitted: z.boolean(),
  domains: z.array(z.object({ domain: z.string(), name: z.string(), correct: z.number(), total: z.number() })),
  wrong: z.array(z.object({ position: z.number(), questionId: z.string(), chosen: z.string().nullable(), expected: z.string() })),
});
export type ExamResult = z.infer<typeof examResultSchema>;

/**
 * Scores a mock exam. AWS does not publish its raw-to-scaled conversion, so the raw share is mapped
 * linearly onto the blueprint's range (100-1000 here: 750 needs about 72%). Unanswered counts as wrong.
 */
export function scoreExam(questions: readonly Question[], answers: readonly (string | null)[], blueprint: Blueprint, autoSubmitted: boolean): ExamResult {
  const { min, max, pass } = blueprint.exam.score;
  const domains = blueprint.domains.map((d) => ({ domain: d.id, name: d.name, correct: 0, total: 0 }));
  const wrong: ExamResult['wrong'] = [];
  let correct = 0;
  questions.forEach((q, position) => {
    const chosen = answers[position] ?? null;
    const ok = chosen !== null && grade(q, chosen).correct;
    const d = domains.find((x) => x.domain === q.domain);
    if (d) {
      d.total++;
      if (ok) d.correct++;
    }
    if (ok) correct++;
    else wrong.push({ position, questionId: q.id, chosen, expected: q.answer.join('') });
  });
  const total = questions.length;
  const scaled = Math.round(min + ((max - min) * correct) / Math.max(total, 1));
  return { correct, total, scaled, pass, passed: scaled >= pass, autoSubmitted, domains: domains.filter((d) => d.total > 0), wrong };
}
