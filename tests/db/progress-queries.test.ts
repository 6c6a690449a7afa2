import { describe, expect, it } from 'vitest';
import { fixedClock } from '../helpers/clock.js';
import { answerHistory, lastSeenByQuestion, personTotals, recentlyMissedQuestionIds } from '../../src/db/attempts.js';
import { cardsForPerson, dueCards } from '../../src/db/cards.js';
import { recordAnswer } from '../../src/study/record-answer.js';
import { answer } from '../progress/answers.js';
import { openMemoryDatabase } from './temp.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

describe('attempt and card queries', () => {
  function seed() {
    const store = openMemoryDatabase();
    const clock = fixedClock('2025-03-10T08:00:00Z');
    const say = (questionId: string, correct: boolean, step: number) =>
      recordAnswer(store, answer({ personId: 'ann', questionId, correct, step, sourceRef: 'quiz-1' }), clock);
    say('q1', false, 0);
    clock.advance(MINUTE);
    say('q2', true, 1);
    clock.advance(MINUTE);
    say('q3', false, 2);
    clock.advance(MINUTE);
    say('q1', true, 3); // q1 answered right later: no longer missed
    recordAnswer(store, answer({ personId: 'bob', questionId: 'q9', correct: false }), clock);
    return store;
  }

  it('last seen per question', () => {
    const seen = lastSeenByQuestion(seed(), 'ann');
    expect(Object.fromEntries([...seen].map(([q, at]) => [q, at.toISOString()]))).toEqual({
      q1: '2025-03-10T08:03:00.000Z',
      q2: '2025-03-10T08:01:00.000Z',
      q3: '2025-03-10T08:02:00.000Z',
    });
  });

  it('missed questions are those whose latest answer was wrong, newest first', () => {
    expect(recentlyMissedQuestionIds(seed(), 'ann')).toEqual(['q3']);
  });

  it('totals and history for one person', () => {
    const store = seed();
    expect(personTotals(store, 'ann')).toEqual({ attempts: 4, correct: 2, lastAnsweredAt: new Date('2025-03-10T08:03:00Z') });
    expect(personTotals(store, 'nobody')).toEqual({ attempts: 0, correct: 0, lastAnsweredAt: null });
    const history = answerHistory(store, 'ann');
    expect(history.map((h) => h.questionId)).toEqual(['q1', 'q3', 'q2', 'q1']);
    expect(history[0]).toEqual({
      questionId: 'q1',
      sectionId: 'sagemaker/training',
      domain: 'modeling',
      correct: true,
      answeredAt: new Date('2025-03-10T08:03:00Z'),
    });
    expect(answerHistory(store, 'ann', new Date('2025-03-10T08:02:00Z'))).toHaveLength(2);
  });

  it('due cards: the missed one after 30 minutes, the right ones days later', () => {
    const store = seed();
    expect(cardsForPerson(store, 'ann')).toHaveLength(3);
    expect(dueCards(store, 'ann', new Date('2025-03-10T08:10:00Z'))).toEqual([]);
    expect(dueCards(store, 'ann', new Date('2025-03-10T08:33:00Z')).map((c) => c.questionId)).toEqual(['q3']);
    const later = dueCards(store, 'ann', new Date(Date.parse('2025-03-10T08:00:00Z') + 30 * DAY));
    expect(later.map((c) => c.questionId).sort()).toEqual(['q1', 'q2', 'q3']);
  });
});
