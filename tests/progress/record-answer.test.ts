import { describe, expect, it } from 'vitest';
import { fixedClock } from '../helpers/clock.js';
import { getCard } from '../../src/db/cards.js';
import { getMemberTotals } from '../../src/db/member-totals.js';
import { setPersonTimeZone } from '../../src/db/people.js';
import { getStreak } from '../../src/db/streaks.js';
import { recordAnswer } from '../../src/study/record-answer.js';
import { State } from '../../src/progress/scheduling.js';
import { openMemoryDatabase, openTempDatabase } from '../db/temp.js';
import { answer } from './answers.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('recordAnswer', () => {
  it('the same answer delivered twice is stored once: one row, points once, card reviewed once', () => {
    const store = openTempDatabase();
    const clock = fixedClock('2025-03-10T08:00:00Z');
    const first = recordAnswer(store, answer({ correct: true }), clock);
    clock.advance(1_500); // the retry arrives a moment later
    const second = recordAnswer(store, answer({ correct: true }), clock);

    expect(first.duplicate).toBe(false);
    expect(second).toEqual({ duplicate: true, attempt: first.attempt });
    expect(store.sqlite.prepare('SELECT count(*) FROM attempts').pluck().get()).toBe(1);
    expect(getMemberTotals(store, '900000000000000000', '111111111111111111')).toMatchObject({
      attempts: 1,
      correct: 1,
      points: 10,
    });
    expect(getCard(store, '111111111111111111', 'q-sagemaker-1')?.reps).toBe(1);
  });

  it('a duplicate that disagrees (a second click on another button) keeps the first answer', () => {
    const store = openMemoryDatabase();
    const clock = fixedClock('2025-03-10T08:00:00Z');
    recordAnswer(store, answer({ chosen: 'B', correct: false }), clock);
    const again = recordAnswer(store, answer({ chosen: 'A', correct: true }), clock);
    expect(again.duplicate).toBe(true);
    expect(again.attempt).toMatchObject({ chosen: 'B', correct: false });
    expect(getMemberTotals(store, '900000000000000000', '111111111111111111')?.points).toBe(1);
  });

  it('the next step of the same session is a new answer', () => {
    const store = openMemoryDatabase();
    const clock = fixedClock('2025-03-10T08:00:00Z');
    recordAnswer(store, answer({ step: 0 }), clock);
    const next = recordAnswer(store, answer({ step: 1, questionId: 'q2' }), clock);
    expect(next.duplicate).toBe(false);
  });

  it('stores chosen letters sorted and deduplicated', () => {
    const store = openMemoryDatabase();
    const result = recordAnswer(store, answer({ chosen: 'ca' }), fixedClock('2025-03-10T08:00:00Z'));
    expect(result.attempt.chosen).toBe('AC');
  });

  it('10 points for a right answer, 1 for a wrong one, per guild', () => {
    const store = openMemoryDatabase();
    const clock = fixedClock('2025-03-10T08:00:00Z');
    recordAnswer(store, answer({ step: 0, correct: true }), clock);
    recordAnswer(store, answer({ step: 1, correct: false }), clock);
    recordAnswer(store, answer({ step: 2, correct: false, guildId: '900000000000000001' }), clock);
    expect(getMemberTotals(store, '900000000000000000', '111111111111111111')).toMatchObject({
      attempts: 2,
      correct: 1,
      points: 11,
    });
    expect(getMemberTotals(store, '900000000000000001', '111111111111111111')?.points).toBe(1);
  });

  it('terminal answers (no guild) train the card and the streak but touch no guild board', () => {
    const store = openMemoryDatabase();
    const result = recordAnswer(store, answer({ personId: 'local', guildId: null }), fixedClock('2025-03-10T08:00:00Z'));
    expect(result.duplicate).toBe(false);
    expect(store.sqlite.prepare('SELECT count(*) FROM member_totals').pluck().get()).toBe(0);
    expect(getStreak(store, 'local')?.current).toBe(1);
    expect(getCard(store, 'local', 'q-sagemaker-1')).not.toBeNull();
  });

  it('rates the card: wrong comes back in 30 minutes, fast and right is Easy', () => {
    const store = openMemoryDatabase();
    const clock = fixedClock('2025-03-10T08:00:00Z');
    const wrong = recordAnswer(store, answer({ step: 0, correct: false, questionId: 'q-wrong' }), clock);
    const slow = recordAnswer(store, answer({ step: 1, durationMs: 30_000, questionId: 'q-slow' }), clock);
    const fast = recordAnswer(store, answer({ step: 2, durationMs: 3_000, questionId: 'q-fast' }), clock);
    if (wrong.duplicate || slow.duplicate || fast.duplicate) throw new Error('unexpected duplicate');
    expect(wrong.cardDue.getTime() - clock.now().getTime()).toBe(30 * MINUTE);
    expect(getCard(store, '111111111111111111', 'q-wrong')?.state).toBe(State.Learning);
    expect(fast.cardDue.getTime()).toBeGreaterThan(slow.cardDue.getTime());
  });

  it('the card is reviewed again on the next answer to the same question', () => {
    const store = openMemoryDatabase();
    const clock = fixedClock('2025-03-10T08:00:00Z');
    recordAnswer(store, answer({ step: 0, correct: false }), clock);
    clock.advance(40 * MINUTE);
    recordAnswer(store, answer({ sourceRef: 'session-2', step: 0, correct: true }), clock);
    expect(getCard(store, '111111111111111111', 'q-sagemaker-1')).toMatchObject({ reps: 2, state: State.Review });
  });
});

describe('recordAnswer streaks', () => {
  function studyAt(store: ReturnType<typeof openMemoryDatabase>, iso: string, overrides = {}) {
    const result = recordAnswer(store, answer({ sourceRef: `s-${iso}`, ...overrides }), fixedClock(iso));
    if (result.duplicate) throw new Error('unexpected duplicate');
    return result.streak;
  }

  it('answers either side of local midnight are two study days', () => {
    const store = openMemoryDatabase();
    const berlin = { zone: 'Europe/Berlin' };
    expect(studyAt(store, '2025-03-10T22:50:00Z', berlin)).toEqual({ current: 1, best: 1 }); // 23:50 Berlin
    expect(studyAt(store, '2025-03-10T23:10:00Z', berlin)).toEqual({ current: 2, best: 2 }); // 00:10 Berlin
    expect(studyAt(store, '2025-03-10T23:50:00Z', berlin)).toEqual({ current: 2, best: 2 }); // same day again
  });

  it('crosses the spring-forward night in Berlin as consecutive days', () => {
    const store = openMemoryDatabase();
    const berlin = { zone: 'Europe/Berlin' };
    studyAt(store, '2025-03-29T22:30:00Z', berlin); // Sat 23:30 CET
    studyAt(store, '2025-03-29T23:30:00Z', berlin); // Sun 00:30 CET, the 23-hour day
    expect(studyAt(store, '2025-03-30T22:30:00Z', berlin)).toEqual({ current: 3, best: 3 }); // Mon 00:30 CEST
  });

  it('counts days in the zone it is given: Auckland is already tomorrow when UTC is not', () => {
    const store = openMemoryDatabase();
    const auckland = { zone: 'Pacific/Auckland' };
    studyAt(store, '2025-03-10T09:00:00Z', auckland); // 22:00 on the 10th in Auckland (+13)
    // 12:00 UTC is still the 10th in UTC, but 01:00 on the 11th in Auckland.
    expect(studyAt(store, '2025-03-10T12:00:00Z', auckland)).toEqual({ current: 2, best: 2 });
    expect(getStreak(store, '111111111111111111')?.lastDay).toBe('2025-03-11');
  });

  it('Los Angeles evenings are still the same day there, though UTC has moved on', () => {
    const store = openMemoryDatabase();
    const la = { zone: 'America/Los_Angeles' };
    studyAt(store, '2025-03-11T02:00:00Z', la); // 19:00 on the 10th, PDT
    expect(studyAt(store, '2025-03-11T06:30:00Z', la)).toEqual({ current: 1, best: 1 }); // 23:30 on the 10th
    expect(studyAt(store, '2025-03-11T07:30:00Z', la)).toEqual({ current: 2, best: 2 }); // 00:30 on the 11th
  });

  it('a missed day starts over but keeps the best', () => {
    const store = openMemoryDatabase();
    studyAt(store, '2025-03-10T08:00:00Z');
    studyAt(store, '2025-03-11T08:00:00Z');
    expect(studyAt(store, '2025-03-13T08:00:00Z')).toEqual({ current: 1, best: 2 });
  });

  it('moving to a zone further west neither breaks nor double-counts the streak', () => {
    const store = openMemoryDatabase();
    studyAt(store, '2025-03-10T20:00:00Z', { zone: 'Pacific/Auckland' }); // the 11th in Auckland
    const la = { zone: 'America/Los_Angeles' };
    // 13:00 on the 10th in Los Angeles: "earlier" than the stored day, changes nothing.
    expect(studyAt(store, '2025-03-10T20:00:00Z' /* same instant, new zone */, { step: 1, ...la })).toEqual({
      current: 1,
      best: 1,
    });
    // Next LA day (the 11th) is the same as the stored one: still one.
    expect(studyAt(store, '2025-03-11T20:00:00Z', la)).toEqual({ current: 1, best: 1 });
    // The LA 12th extends it.
    expect(studyAt(store, '2025-03-12T20:00:00Z', la)).toEqual({ current: 2, best: 2 });
  });

  it('refuses to store a time zone that does not exist', () => {
    const store = openMemoryDatabase();
    expect(() => setPersonTimeZone(store, 'ann', 'Europe/Atlantis', new Date(0))).toThrow(/time zone/);
    setPersonTimeZone(store, 'ann', 'Asia/Tokyo', new Date(0));
    setPersonTimeZone(store, 'ann', null, new Date(0));
  });

  it('an hour later in the same session does not add a day', () => {
    const store = openMemoryDatabase();
    const clock = fixedClock('2025-03-10T08:00:00Z');
    recordAnswer(store, answer({ step: 0 }), clock);
    clock.advance(HOUR);
    const later = recordAnswer(store, answer({ step: 1 }), clock);
    expect(later.duplicate ? null : later.streak).toEqual({ current: 1, best: 1 });
  });
});
