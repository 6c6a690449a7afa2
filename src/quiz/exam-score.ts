import * as z from 'zod';
import type { Exam } from '../knowledge/exams.js';
import { grade } from './grading.js';
import type { Question } from './question.js';

const tally = z.object({ correct: z.number(), total: z.number() });

export const examResultSchema = z.object({
  /** The exam code the mock followed (older results, from before exams were recorded, have none). */
  exam: z.string().optional(),
  correct: z.number(),
  total: z.number(),
  scaled: z.number(),
  pass: z.number(),
  passed: z.boolean(),
  /** True when the deadline submitted the exam. */
  autoSubmitted: z.boolean(),
  domains: z.array(tally.extend({ domain: z.string(), name: z.string() })),
  tasks: z.array(tally.extend({ task: z.string(), name: z.string(), domain: z.string() })).default([]),
  wrong: z.array(z.object({ position: z.number(), questionId: z.string(), chosen: z.string().nullable(), expected: z.string() })),
});
export type ExamResult = z.infer<typeof examResultSchema>;

/**
 * Scores a mock exam. AWS does not publish its raw-to-scaled conversion, so the raw share is mapped
 * linearly onto the exam's range (MLS-C01: 100-1000, 750 needs 72%). Unanswered counts as wrong.
 */
export function scoreExam(
  questions: readonly Question[],
  answers: readonly (string | null)[],
  exam: Exam,
  autoSubmitted: boolean,
): ExamResult {
  const { min, max, pass } = exam.exam.score;
  const domains = exam.domains.map((d) => ({ domain: d.id, name: d.name, correct: 0, total: 0 }));
  const tasks = exam.tasks.map((t) => ({ task: t.id, name: t.name, domain: t.domain, correct: 0, total: 0 }));
  const wrong: ExamResult['wrong'] = [];
  let correct = 0;
  questions.forEach((q, position) => {
    const chosen = answers[position] ?? null;
    const ok = chosen !== null && grade(q, chosen).correct;
    const placement = q.exams[exam.code];
    for (const row of [domains.find((d) => d.domain === placement?.domain), tasks.find((t) => t.task === placement?.task)]) {
      if (!row) continue;
      row.total++;
      if (ok) row.correct++;
    }
    if (ok) correct++;
    else wrong.push({ position, questionId: q.id, chosen, expected: q.answer.join('') });
  });
  const total = questions.length;
  const scaled = Math.round(min + ((max - min) * correct) / Math.max(total, 1));
  return {
    exam: exam.code,
    correct,
    total,
    scaled,
    pass,
    passed: scaled >= pass,
    autoSubmitted,
    domains: domains.filter((d) => d.total > 0),
    tasks: tasks.filter((t) => t.total > 0),
    wrong,
  };
}
