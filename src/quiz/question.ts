import * as z from 'zod';
import type { Placement } from '../knowledge/exams.js';

export const LETTERS = 'ABCDEFGH';
const letter = z.string().regex(/^[A-H]$/, 'answer letters are single capitals A-H');

/** One question as written in knowledge/questions/*.yaml. */
export const questionSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*-\d{3,}$/, 'id must look like <topic>-001'),
  section: z.string().min(1, 'section is empty'),
  difficulty: z.number().int().min(1).max(3, 'difficulty is 1, 2 or 3'),
  prompt: z.string().trim().min(10, 'prompt is too short'),
  choices: z
    .array(
      z
        .string({
          error: (i) =>
            typeof i.input === 'number' || typeof i.input === 'boolean'
              ? `YAML read this choice as ${typeof i.input} ${String(i.input)}: quote it ('${String(i.input)}') to keep it as written`
              : 'a choice must be text',
        })
        .trim()
        .min(1, 'empty choice'),
    )
    .min(3, 'at least 3 choices')
    .max(LETTERS.length, `at most ${LETTERS.length} choices`),
  answer: z.union([letter, z.array(letter).min(1)]).transform((v) => [...new Set(typeof v === 'string' ? [v] : v)].sort()),
  explanation: z.string({ error: 'explanation is empty' }).trim().min(1, 'explanation is empty'),
  /** The task bullet this question tests, per exam it serves: `{ mls-c01: 3.2a, mla-c02: 2.1b }`. */
  exams: z
    .record(
      z.string().regex(/^[a-z0-9-]+$/, 'exam codes are lowercase like mls-c01'),
      z.coerce.string().regex(/^\d+\.\d+[a-z]+$/, 'a bullet id looks like 3.2a'),
      {
        error: 'exams maps each exam the question serves to the bullet it tests: { mls-c01: 3.2a }',
      },
    )
    .refine((e) => Object.keys(e).length > 0, 'name at least one exam: { mls-c01: 3.2a }'),
  /** Questions that give this one away (or the reverse): a mock exam never draws them together. */
  apart: z.array(z.string()).optional(),
});

export type QuestionFile = z.infer<typeof questionSchema>;

/** A question as loaded: for each exam it serves, where it sits in that exam's blueprint. */
export type Question = Omit<QuestionFile, 'exams' | 'apart'> & { exams: Readonly<Record<string, Placement>>; apart: readonly string[] };

/** The question's domain in an exam, or undefined when it does not serve that exam. */
export function placementIn(question: Question, exam: string): Placement | undefined {
  return question.exams[exam];
}

export function isMultipleResponse(q: Pick<Question, 'answer'>): boolean {
  return q.answer.length > 1;
}

const COUNT_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, '2': 2, '3': 3, '4': 4, '5': 5 };

/** How many answers the prompt asks for ("Choose two."), or undefined when it does not say. */
export function statedChoiceCount(prompt: string): number | undefined {
  const m = /\b(?:choose|select|pick)\s+(two|three|four|five|[2-5])\b/i.exec(prompt);
  return m ? COUNT_WORDS[m[1]!.toLowerCase()] : undefined;
}
