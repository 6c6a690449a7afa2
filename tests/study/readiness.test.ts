// "Would I pass today?" checked against learners whose true ability is known: they study through the
// real engine (the quiz selection, not random draws), then the estimate is compared with the truth.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/core/content.js';
import { estimateReadiness, type ReadinessBlueprint } from '../../src/progress/readiness.js';
import { simulateLearners } from '../helpers/simulated-learners.js';

describe('readiness on simulated learners', () => {
  it('after 150 answers holds the true expected score inside its interval for at least 80%, within 60 points on average, and beats accuracy alone', () => {
    const content = loadContent(join(import.meta.dirname, '../../knowledge'));
    const report = simulateLearners({ content, exam: 'mls-c01', learners: 60, answersEach: 150, seed: 7 });
    expect(report.intervalCoverage).toBeGreaterThanOrEqual(0.8);
    expect(report.mae).toBeLessThanOrEqual(60);
    expect(report.brier).toBeLessThan(report.baselineBrier);
  });
});

describe('the readiness rule', () => {
  const blueprint: ReadinessBlueprint = {
    domains: [
      { id: 'a', weight: 50, tasks: [{ id: '1.1', difficulties: [2] }] },
      { id: 'b', weight: 50, tasks: [{ id: '2.1', difficulties: [2] }] },
    ],
    score: { min: 100, max: 1000, pass: 750 },
    scoredQuestions: 50,
    minAnswers: 20,
    minDomainAnswers: 5,
  };
  const now = new Date('2026-06-01T00:00:00Z');
  const answers = (task: string, right: number, wrong: number) =>
    Array.from({ length: right + wrong }, (_, i) => ({
      questionId: `${task}-${i}`,
      task,
      difficulty: 2,
      correct: i < right,
      answeredAt: now,
      retrievability: null,
    }));

  it('says how many more answers it needs, and where, until it can be honest', () => {
    const r = estimateReadiness(answers('1.1', 8, 2), blueprint, now);
    expect(r).toMatchObject({ enough: false, needed: 10, neededMostly: 'b' });
  });

  it('puts a strong learner above the pass mark and a weak one below, with the weak task to raise first', () => {
    const strong = estimateReadiness([...answers('1.1', 28, 2), ...answers('2.1', 27, 3)], blueprint, now);
    const weak = estimateReadiness([...answers('1.1', 20, 10), ...answers('2.1', 6, 24)], blueprint, now);
    expect(strong.enough).toBe(true);
    expect(strong.score).toBeGreaterThan(750);
    expect(strong.passProbability).toBeGreaterThan(0.5);
    expect(weak.score).toBeLessThan(750);
    expect(weak.passProbability).toBeLessThan(0.2);
    expect(weak.raise[0]!.task).toBe('2.1');
    expect(weak.low).toBeLessThanOrEqual(weak.score);
    expect(weak.high).toBeGreaterThanOrEqual(weak.score);
  });

  it('counts a right answer that has faded from memory for less', () => {
    const fresh = estimateReadiness(
      answers('1.1', 15, 15).map((a) => ({ ...a, retrievability: 1 })),
      blueprint,
      now,
    );
    const faded = estimateReadiness(
      answers('1.1', 15, 15).map((a) => ({ ...a, retrievability: a.correct ? 0.2 : null })),
      blueprint,
      now,
    );
    expect(faded.score).toBeLessThan(fresh.score);
  });
});
