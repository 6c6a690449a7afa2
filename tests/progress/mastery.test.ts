import { describe, expect, it } from 'vitest';
import { masteryBy, weakSections, type MasteryAttempt } from '../../src/progress/mastery.js';

const now = new Date('2025-03-10T12:00:00Z');
const DAY = 86_400_000;
const ago = (days: number) => new Date(now.getTime() - days * DAY);
// The question id carries the group (a domain here) so the tests can read it back through keyOf.
const answer = (sectionId: string, domain: string, correct: boolean, daysAgo = 0): MasteryAttempt => ({
  questionId: `${domain}/q`,
  sectionId,
  correct,
  answeredAt: ago(daysAgo),
});
const domainMastery = (attempts: MasteryAttempt[], at: Date, keys: string[]) =>
  masteryBy(attempts, at, (a) => a.questionId.split('/')[0], keys);

describe('masteryBy (domains or tasks)', () => {
  it('two lucky answers make about 0.7, not 1.0', () => {
    const [row] = domainMastery([answer('s1', 'eda', true), answer('s2', 'eda', true)], now, ['eda']);
    expect(row).toMatchObject({ key: 'eda', attempts: 2, correct: 2, accuracy: 1 });
    expect(row?.mastery).toBeCloseTo(0.7, 5);
  });

  it('many right answers approach 1, many wrong approach 0', () => {
    const right = Array.from({ length: 60 }, () => answer('s', 'modeling', true));
    const wrong = Array.from({ length: 60 }, () => answer('s', 'ml-ops', false));
    const rows = domainMastery([...right, ...wrong], now, ['modeling', 'ml-ops']);
    expect(rows[0]?.mastery).toBeGreaterThan(0.95);
    expect(rows[1]?.mastery).toBeLessThan(0.05);
  });

  it('old answers weigh less: a mistake 14 days ago counts half as much as one today', () => {
    const recentMiss = domainMastery([answer('s', 'eda', false, 0), answer('s', 'eda', true, 14)], now, ['eda']);
    const oldMiss = domainMastery([answer('s', 'eda', false, 14), answer('s', 'eda', true, 0)], now, ['eda']);
    // (0.5 + 1.5) / (1.5 + 3) vs (1 + 1.5) / (1.5 + 3)
    expect(recentMiss[0]?.mastery).toBeCloseTo(2 / 4.5, 5);
    expect(oldMiss[0]?.mastery).toBeCloseTo(2.5 / 4.5, 5);
  });

  it('lists every asked domain in order, with the prior and no accuracy when unanswered', () => {
    const rows = domainMastery([answer('s', 'eda', true), answer('s', 'other', false)], now, ['data-engineering', 'eda']);
    expect(rows.map((row) => row.key)).toEqual(['data-engineering', 'eda']);
    expect(rows[0]).toEqual({ key: 'data-engineering', attempts: 0, correct: 0, accuracy: null, mastery: 0.5 });
  });
});

describe('weakSections', () => {
  it('ranks sections with mistakes weakest first, with the answers behind each, up to the limit', () => {
    const attempts = [
      answer('eda/outliers', 'eda', false),
      answer('eda/outliers', 'eda', false),
      answer('eda/outliers', 'eda', true),
      answer('modeling/xgboost', 'modeling', false),
      answer('modeling/xgboost', 'modeling', false),
      answer('modeling/xgboost', 'modeling', false),
      answer('ml-ops/endpoints', 'ml-ops', true),
      answer('ml-ops/endpoints', 'ml-ops', false),
      answer('data-engineering/kinesis', 'data-engineering', true),
    ];
    const rows = weakSections(attempts, now, 2);
    expect(rows.map((row) => [row.sectionId, row.attempts, row.correct])).toEqual([
      ['modeling/xgboost', 3, 0],
      ['eda/outliers', 3, 1],
    ]);
    expect(weakSections(attempts, now, 10).map((row) => row.sectionId)).not.toContain('data-engineering/kinesis');
  });

  it('a single miss is weak but less so than repeated misses', () => {
    const rows = weakSections([answer('a', 'eda', false), answer('b', 'eda', false), answer('b', 'eda', false)], now, 5);
    expect(rows.map((row) => row.sectionId)).toEqual(['b', 'a']);
  });
});
