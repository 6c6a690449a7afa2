import { LETTERS, type Question } from './question.js';

export interface Grade {
  correct: boolean;
  /** Sorted letters the person chose. */
  chosen: string;
  /** Sorted keyed letters. */
  expected: string;
}

/**
 * Turns typed or clicked letters ("c", "A, C", "ca") into sorted unique capitals, or explains what is
 * wrong with them for this question. With `exactCount` off, a wrong number of letters is accepted as
 * the answer (and graded wrong): one piped line is one answer, whatever it says.
 */
export function parseChoice(
  input: string,
  question: Pick<Question, 'choices' | 'answer'>,
  { exactCount = true }: { exactCount?: boolean } = {},
): { ok: true; chosen: string } | { ok: false; error: string } {
  const valid = LETTERS.slice(0, question.choices.length);
  const letters = [
    ...new Set(
      input
        .toUpperCase()
        .replace(/[\s,;]+/g, '')
        .split(''),
    ),
  ].sort();
  if (letters.length === 0) return { ok: false, error: `type a letter from ${valid[0]} to ${valid.at(-1)}` };
  const bad = letters.filter((l) => !valid.includes(l));
  if (bad.length > 0) return { ok: false, error: `${bad.join(', ')} is not a choice here (${valid[0]}-${valid.at(-1)})` };
  if (exactCount && letters.length !== question.answer.length) {
    return {
      ok: false,
      error:
        question.answer.length === 1
          ? 'choose one letter'
          : `choose ${question.answer.length} letters, e.g. ${valid.slice(0, question.answer.length)}`,
    };
  }
  return { ok: true, chosen: letters.join('') };
}

/** All or nothing, as on the real exam: a multiple-response question is right only with every key and nothing else. */
export function grade(question: Pick<Question, 'answer'>, chosen: string): Grade {
  const expected = question.answer.join('');
  const normalized = [...new Set(chosen.split(''))].sort().join('');
  return { correct: normalized === expected, chosen: normalized, expected };
}

/**
 * What "answered fast" means for the Easy rating: quicker than a careful read of the question and its
 * choices (about 40 characters a second) plus two seconds to think. A lucky quick click on a long
 * scenario is thus not Easy, while a one-line recall question answered at once is.
 */
export function fastThresholdMs(question: Pick<Question, 'prompt' | 'choices'>): number {
  const chars = question.prompt.length + question.choices.reduce((n, c) => n + c.length, 0);
  return 2000 + Math.round((chars / 40) * 1000);
}
