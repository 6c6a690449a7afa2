// Keeps the question pool honest as it grows: coverage, the blueprint's mix, no give-aways.
import { describe, expect, it } from 'vitest';
import { isMultipleResponse } from '../../src/quiz/question.js';
import { shippedContent } from '../e2e/harness.js';

const content = shippedContent();
const { questions } = content.pool;
const share = (n: number) => n / questions.length;

describe('the question pool', () => {
  it('has at least 300 questions with unique ids of the form <topic>-<nnn>', () => {
    expect(questions.length).toBeGreaterThanOrEqual(300);
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
    for (const q of questions) expect(q.id).toMatch(/^[a-z0-9-]+-\d{3}$/);
  });

  it('covers every note section with at least one question', () => {
    const uncovered = content.sections.filter((s) => !content.pool.bySection.has(s.id)).map((s) => s.id);
    expect(uncovered).toEqual([]);
  });

  it("matches the blueprint's domain weights within 5 points", () => {
    for (const domain of content.blueprint.domains) {
      const n = questions.filter((q) => q.domain === domain.id).length;
      expect(Math.abs(100 * share(n) - domain.weight), `${domain.id}: ${(100 * share(n)).toFixed(1)}% vs ${domain.weight}%`).toBeLessThanOrEqual(5);
    }
  });

  it('spreads the correct letter of four-choice questions between 20% and 30% each', () => {
    const single = questions.filter((q) => !isMultipleResponse(q) && q.choices.length === 4);
    for (const letter of 'ABCD') {
      const n = single.filter((q) => q.answer[0] === letter).length / single.length;
      expect(n, `${letter}: ${(100 * n).toFixed(1)}%`).toBeGreaterThanOrEqual(0.2);
      expect(n, `${letter}: ${(100 * n).toFixed(1)}%`).toBeLessThanOrEqual(0.3);
    }
  });

  it('does not make the keyed choice the longest one most of the time', () => {
    const longest = questions.filter((q) => {
      const lengths = q.choices.map((c) => c.length);
      const max = Math.max(...lengths);
      return q.answer.some((l) => lengths['ABCDEFGH'.indexOf(l)] === max) && lengths.filter((n) => n === max).length === 1;
    });
    // Random keys would be the longest about a quarter of the time; a pool that gives itself away is near 100%.
    expect(share(longest.length)).toBeLessThan(0.35);
  });

  it('has at least 10% multiple-response questions, each with five or more choices', () => {
    const multi = questions.filter(isMultipleResponse);
    expect(share(multi.length)).toBeGreaterThanOrEqual(0.1);
    for (const q of multi) expect(q.choices.length, q.id).toBeGreaterThanOrEqual(5);
  });

  it('spreads difficulty over 1-3 and never repeats a prompt', () => {
    for (const level of [1, 2, 3]) expect(share(questions.filter((q) => q.difficulty === level).length)).toBeGreaterThanOrEqual(0.15);
    const prompts = questions.map((q) => q.prompt.toLowerCase().replace(/\s+/g, ' '));
    expect(new Set(prompts).size).toBe(prompts.length);
  });

  it('explains every answer in two to four sentences', () => {
    const off = questions.filter((q) => {
      // Sentences may start with an identifier (normalize_label, .lst, k-NN); abbreviations are not ends.
      const text = q.explanation.replace(/\b(e\.g|i\.e|vs|etc|approx)\./gi, '$1');
      const sentences = text.split(/(?<=[.!?])\s+/).filter((s) => s.trim().length > 0).length;
      return sentences < 2 || sentences > 4;
    });
    expect(off.map((q) => q.id)).toEqual([]);
  });
});
