// Keeps the shipped question pool honest as it grows, exam by exam: every bullet of the official
// guide taught and tested, the guide's domain mix, keys spread evenly, no give-aways.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadContent } from '../../src/core/content.js';
import { coverage, COVERAGE_MINIMUMS } from '../../src/study/catalog.js';

const content = loadContent(join(import.meta.dirname, '../../knowledge'));
const { questions } = content.pool;

/** The floor each exam's pool is held to (issue targets: 480 for MLS-C01, 320 for MLA-C02). */
const MIN_QUESTIONS: Record<string, number> = { 'mls-c01': 480, 'mla-c02': 320 };

describe('the question pool', () => {
  it('has unique ids of the form <topic>-<nnn>, and every question serves an exam', () => {
    expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
    for (const q of questions) expect(q.id).toMatch(/^[a-z0-9-]+-\d{3}$/);
    expect(questions.filter((q) => Object.keys(q.exams).length === 0).map((q) => q.id)).toEqual([]);
  });

  it('covers every note section with at least one question', () => {
    const uncovered = content.sections.filter((s) => !content.pool.bySection.has(s.id)).map((s) => s.id);
    expect(uncovered).toEqual([]);
  });

  it('explains every answer in two to five sentences', () => {
    const off = questions.filter((q) => {
      // Sentences may start with an identifier (normalize_label, .lst, k-NN); abbreviations are not ends.
      const text = q.explanation.replace(/\b(e\.g|i\.e|vs|etc|approx)\./gi, '$1');
      const sentences = text.split(/(?<=[.!?])\s+/).filter((s) => s.trim().length > 0).length;
      return sentences < 2 || sentences > 5;
    });
    expect(off.map((q) => q.id)).toEqual([]);
  });

  it('never repeats a prompt', () => {
    const prompts = questions.map((q) => q.prompt.toLowerCase().replace(/\s+/g, ' '));
    expect(new Set(prompts).size).toBe(prompts.length);
  });
});

for (const exam of content.exams.values()) {
  const serving = questions.filter((q) => q.exams[exam.code] !== undefined);
  const share = (n: number) => n / serving.length;

  describe(`the pool for ${exam.short}`, () => {
    it(`has at least ${MIN_QUESTIONS[exam.code] ?? 0} questions`, () => {
      expect(serving.length).toBeGreaterThanOrEqual(MIN_QUESTIONS[exam.code] ?? 0);
    });

    it(`teaches every bullet in a section, tests it at least ${COVERAGE_MINIMUMS.bulletQuestions} times, and every task ${COVERAGE_MINIMUMS.taskQuestions} times`, () => {
      const rows = coverage(content, exam);
      expect(
        rows
          .filter((r) => r.questions < COVERAGE_MINIMUMS.bulletQuestions || r.sections.length < COVERAGE_MINIMUMS.bulletSections)
          .map((r) => `${r.bullet} (${r.questions})`),
      ).toEqual([]);
      const thin = exam.tasks
        .filter((t) => rows.filter((r) => r.task === t.id).reduce((n, r) => n + r.questions, 0) < COVERAGE_MINIMUMS.taskQuestions)
        .map((t) => t.id);
      expect(thin).toEqual([]);
    });

    it("matches the guide's domain weights within 3 points", () => {
      for (const domain of exam.domains) {
        const n = serving.filter((q) => q.exams[exam.code]!.domain === domain.id).length;
        expect(
          Math.abs(100 * share(n) - domain.weight),
          `${domain.id}: ${(100 * share(n)).toFixed(1)}% vs ${domain.weight}%`,
        ).toBeLessThanOrEqual(3);
      }
    });

    it('spreads the correct letter of four-choice questions between 20% and 30% each', () => {
      const single = serving.filter((q) => q.answer.length === 1 && q.choices.length === 4);
      for (const letter of 'ABCD') {
        const n = single.filter((q) => q.answer[0] === letter).length / single.length;
        expect(n, `${letter}: ${(100 * n).toFixed(1)}%`).toBeGreaterThanOrEqual(0.2);
        expect(n, `${letter}: ${(100 * n).toFixed(1)}%`).toBeLessThanOrEqual(0.3);
      }
    });

    it('does not make the keyed choice the longest one most of the time', () => {
      const longest = serving.filter((q) => {
        const lengths = q.choices.map((c) => c.length);
        const max = Math.max(...lengths);
        return q.answer.some((l) => lengths['ABCDEFGH'.indexOf(l)] === max) && lengths.filter((n) => n === max).length === 1;
      });
      // Random keys would be the longest about a quarter of the time; a pool that gives itself away is near 100%.
      expect(share(longest.length)).toBeLessThan(0.3);
    });

    it('has at least 10% multiple-response questions, each with five or more choices', () => {
      const multi = serving.filter((q) => q.answer.length > 1);
      expect(share(multi.length)).toBeGreaterThanOrEqual(0.1);
      for (const q of multi) expect(q.choices.length, q.id).toBeGreaterThanOrEqual(5);
    });

    it('spreads difficulty: at least 5% recall and 10% analysis questions', () => {
      expect(share(serving.filter((q) => q.difficulty === 1).length)).toBeGreaterThanOrEqual(0.05);
      expect(share(serving.filter((q) => q.difficulty === 3).length)).toBeGreaterThanOrEqual(0.1);
    });
  });
}
