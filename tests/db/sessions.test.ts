import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.js';
import {
  createSession,
  expiredOpenExams,
  finishSession,
  getSession,
  latestOpenSession,
  saveSessionProgress,
} from '../../src/db/sessions.js';
import { openTempDatabase } from './temp.js';

const now = new Date('2025-03-10T08:00:00Z');

describe('sessions', () => {
  it('a quiz survives a restart: answers, position and options come back as saved', () => {
    const store = openTempDatabase();
    const session = createSession(
      store,
      {
        personId: 'ann',
        guildId: 'g',
        kind: 'quiz',
        questionIds: ['q1', 'q2', 'q3'],
        options: { domain: 'eda', mode: 'missed', count: 3 },
      },
      now,
    );
    expect(session.id).toMatch(/^[A-Za-z0-9_-]{8,16}$/);
    expect(session.answers).toEqual([null, null, null]);
    saveSessionProgress(store, session.id, ['B', 'AC', null], 2);
    store.close();

    const reopened = openDatabase(store.path);
    try {
      expect(getSession(reopened, session.id)).toEqual({
        ...session,
        answers: ['B', 'AC', null],
        position: 2,
      });
      expect(latestOpenSession(reopened, 'ann', 'quiz')?.id).toBe(session.id);
    } finally {
      reopened.close();
    }
  });

  it('an exam keeps its deadline; finishing twice keeps the first result', () => {
    const store = openTempDatabase();
    const deadline = new Date(now.getTime() + 130 * 60_000);
    const exam = createSession(store, { personId: 'ann', guildId: null, kind: 'exam', questionIds: ['q1'], deadline }, now);
    expect(getSession(store, exam.id)?.deadline).toEqual(deadline);
    expect(finishSession(store, exam.id, { scaled: 780, passed: true }, deadline)).toBe(true);
    expect(finishSession(store, exam.id, { scaled: 100, passed: false }, deadline)).toBe(false);
    expect(getSession(store, exam.id)).toMatchObject({ finishedAt: deadline, result: { scaled: 780, passed: true } });
    expect(latestOpenSession(store, 'ann', 'exam')).toBeNull();
  });

  it('lists open exams past their deadline, for submitting abandoned ones', () => {
    const store = openTempDatabase();
    const deadline = new Date(now.getTime() + 60 * 60_000);
    const open = createSession(store, { personId: 'ann', guildId: null, kind: 'exam', questionIds: ['q1'], deadline }, now);
    const done = createSession(store, { personId: 'bob', guildId: null, kind: 'exam', questionIds: ['q1'], deadline }, now);
    createSession(store, { personId: 'cy', guildId: null, kind: 'quiz', questionIds: ['q1'] }, now);
    finishSession(store, done.id, { scaled: 800 }, now);
    expect(expiredOpenExams(store, now)).toEqual([]);
    expect(expiredOpenExams(store, deadline).map((s) => s.id)).toEqual([open.id]);
  });

  it('unknown ids give null; ids are not guessable in sequence', () => {
    const store = openTempDatabase();
    expect(getSession(store, 'nope')).toBeNull();
    const ids = new Set(
      Array.from({ length: 50 }, () => createSession(store, { personId: 'p', guildId: null, kind: 'quiz', questionIds: [] }, now).id),
    );
    expect(ids.size).toBe(50);
  });
});
