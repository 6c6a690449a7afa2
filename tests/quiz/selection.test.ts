import { describe, expect, it } from 'vitest';
import { selectQuestions, weightedSample } from '../../src/quiz/selection.js';
import { grade, parseChoice, fastThresholdMs } from '../../src/quiz/grading.js';
import type { Question } from '../../src/quiz/question.js';
import { seeded } from '../helpers/engine.js';

const q = (id: string, domain: string, answer = ['A']): Question => ({
  id,
  section: 's/x',
  difficulty: 2,
  prompt: `Prompt of ${id}`,
  choices: ['one', 'two', 'three', 'four', 'five'],
  answer,
  explanation: 'Because. Really.',
  exams: { x: { bullet: '1.1a', task: '1.1', domain } },
  apart: [],
});
const domainOf = (x: Question) => x.exams.x?.domain;

describe('question selection', () => {
  const pool = [q('a-001', 'weak'), q('a-002', 'weak'), q('b-001', 'strong'), q('b-002', 'strong'), q('c-001', 'strong')];

  it('puts due cards first, most overdue first, then unseen, then least recently seen, never repeating', () => {
    const picked = selectQuestions({
      candidates: pool,
      due: [
        { questionId: 'b-002', due: new Date('2026-03-02T09:00:00Z') },
        { questionId: 'a-002', due: new Date('2026-03-01T09:00:00Z') },
      ],
      lastSeen: new Map([
        ['b-002', new Date('2026-02-20')],
        ['a-002', new Date('2026-02-20')],
        ['c-001', new Date('2026-02-25')],
        ['b-001', new Date('2026-02-10')],
      ]),
      mastery: new Map(),
      domainOf,
      count: 5,
      random: seeded(),
    });
    expect(picked.map((x) => x.id)).toEqual(['a-002', 'b-002', 'a-001', 'b-001', 'c-001']);
  });

  it('favours unseen questions of weak domains', () => {
    const many = [
      ...Array.from({ length: 50 }, (_, i) => q(`w-${i}`, 'weak')),
      ...Array.from({ length: 50 }, (_, i) => q(`s-${i}`, 'strong')),
    ];
    let weakPicks = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const picked = selectQuestions({
        candidates: many,
        due: [],
        lastSeen: new Map(),
        mastery: new Map([
          ['weak', 0.2],
          ['strong', 0.9],
        ]),
        domainOf,
        count: 10,
        random: seeded(seed),
      });
      weakPicks += picked.filter((x) => domainOf(x) === 'weak').length;
    }
    // Weights 0.8 vs 0.15: weak domains should take well over half of the picks.
    expect(weakPicks / 400).toBeGreaterThan(0.7);
  });

  it('samples without replacement', () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    const sample = weightedSample(items, () => 1, 20, seeded(7));
    expect(new Set(sample).size).toBe(20);
  });
});

describe('grading', () => {
  const multi = q('m-001', 'x', ['A', 'C']);
  it('is all or nothing for multiple response, whatever the order typed', () => {
    expect(grade(multi, 'CA').correct).toBe(true);
    expect(grade(multi, 'A').correct).toBe(false);
    expect(grade(multi, 'ACD').correct).toBe(false);
  });
  it('reads typed letters and explains what is wrong with them', () => {
    expect(parseChoice('c, a', multi)).toEqual({ ok: true, chosen: 'AC' });
    expect(parseChoice('A', multi)).toMatchObject({ ok: false, error: expect.stringContaining('choose 2') });
    expect(parseChoice('Z', q('s-1', 'x'))).toMatchObject({ ok: false, error: expect.stringContaining('Z is not a choice') });
  });
  it('gives long questions more time before an answer counts as fast', () => {
    const short = q('s-1', 'x');
    const long = { ...short, prompt: 'x'.repeat(800) };
    expect(fastThresholdMs(long)).toBeGreaterThan(fastThresholdMs(short) + 15_000);
  });
});
