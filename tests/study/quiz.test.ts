import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { answerQuiz, startQuiz } from '../../src/study/quiz.js';
import { testEngine } from '../helpers/engine.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function answerAll(engine: ReturnType<typeof testEngine>['engine'], personId: string, right: boolean, count = 3) {
  const started = startQuiz(engine, { personId, guildId: null, count, fresh: true });
  if (!started.ok) throw new Error(started.reason);
  const ids: string[] = [];
  for (let step = 0; step < count; step++) {
    const qid = started.step.session.questionIds[step]!;
    const question = engine.content.pool.byId.get(qid)!;
    const chosen = right
      ? question.answer.join('')
      : question.answer.length === 1
        ? question.answer[0] === 'A'
          ? 'B'
          : 'A'
        : 'AB'.includes(question.answer.join(''))
          ? 'CD'
          : 'AB';
    const fb = answerQuiz(engine, { sessionId: started.step.session.id, personId, step, chosen, durationMs: 60_000 });
    if (!fb.ok) throw new Error(fb.reason);
    ids.push(qid);
  }
  return ids;
}

describe('a personal quiz', () => {
  it("filters by domain, task and section of the person's exam and never repeats inside a quiz", () => {
    const { engine } = testEngine();
    const started = startQuiz(engine, { personId: 'p', guildId: null, domain: 'models', count: 25 });
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    const ids = started.step.session.questionIds;
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(10);
    expect(ids.every((id) => engine.content.pool.byId.get(id)!.exams['fx-a01']?.domain === 'models')).toBe(true);
    const task = startQuiz(engine, { personId: 't', guildId: null, task: '1.2', count: 25 });
    expect(task.ok && task.step.session.questionIds.sort()).toEqual(['storage-006', 'storage-007', 'storage-008']);
    const section = startQuiz(engine, { personId: 'q', guildId: null, section: 'storage/fast-file-system', count: 25 });
    expect(section.ok && section.step.session.questionIds.sort()).toEqual(['storage-004', 'storage-005']);
    expect(startQuiz(engine, { personId: 'r', guildId: null, domain: 'nope' })).toMatchObject({
      ok: false,
      reason: 'unknown',
      subject: 'domain',
      valid: ['storage', 'models'],
    });
  });

  it('follows the exam the person studies: questions of another exam never come up', () => {
    const { engine } = testEngine();
    engine.store.sqlite.prepare("INSERT INTO people (id, exam, created_at) VALUES ('b', 'fx-b01', 0)").run();
    const started = startQuiz(engine, { personId: 'b', guildId: null, count: 25 });
    expect(started.ok && started.step.exam.code).toBe('fx-b01');
    expect(
      started.ok && started.step.session.questionIds.every((id) => engine.content.pool.byId.get(id)!.exams['fx-b01'] !== undefined),
    ).toBe(true);
    expect(started.ok && started.step.session.questionIds).toContain('extra-001');
  });

  it('brings wrong answers back as due cards before anything unseen, and replays them in missed mode', () => {
    const { engine, clock } = testEngine();
    const missed = answerAll(engine, 'p', false);
    clock.advance(31 * 60_000); // past the 30-minute relearning step
    const next = startQuiz(engine, { personId: 'p', guildId: null, count: 5, fresh: true });
    expect(next.ok && next.step.session.questionIds.slice(0, 3).sort()).toEqual([...missed].sort());
    const replay = startQuiz(engine, { personId: 'p', guildId: null, mode: 'missed', count: 10, fresh: true });
    expect(replay.ok && replay.step.session.questionIds.sort()).toEqual([...missed].sort());
  });

  it('takes the same answer delivered twice once, and refuses steps out of order and other people', () => {
    const { engine } = testEngine();
    const started = startQuiz(engine, { personId: 'p', guildId: 'g', count: 2 });
    if (!started.ok) throw new Error('no quiz');
    const id = started.step.session.id;
    const letter = started.step.question.answer.join('');
    const first = answerQuiz(engine, { sessionId: id, personId: 'p', step: 0, chosen: letter, durationMs: 5000 });
    const again = answerQuiz(engine, { sessionId: id, personId: 'p', step: 0, chosen: letter, durationMs: 5000 });
    expect(first.ok && !first.duplicate).toBe(true);
    expect(again.ok && again.duplicate).toBe(true);
    expect(engine.store.sqlite.prepare('SELECT count(*) AS n FROM attempts').get()).toEqual({ n: 1 });
    expect(answerQuiz(engine, { sessionId: id, personId: 'intruder', step: 1, chosen: 'A', durationMs: 1 })).toMatchObject({
      ok: false,
      reason: 'not-owner',
    });
    expect(answerQuiz(engine, { sessionId: id, personId: 'p', step: 5, chosen: 'A', durationMs: 1 })).toMatchObject({
      ok: false,
      reason: 'stale',
    });
  });

  it('resumes a half-done quiz after a restart (a new connection to the same file)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quiz-'));
    dirs.push(dir);
    const path = join(dir, 'db.sqlite');
    const first = testEngine('2026-03-02T10:00:00Z', path);
    const started = startQuiz(first.engine, { personId: 'p', guildId: null, count: 4 });
    if (!started.ok) throw new Error('no quiz');
    answerQuiz(first.engine, { sessionId: started.step.session.id, personId: 'p', step: 0, chosen: 'A', durationMs: 1000 });
    first.store.close();

    const second = testEngine('2026-03-02T10:05:00Z', path);
    const resumed = startQuiz(second.engine, { personId: 'p', guildId: null, count: 10 });
    expect(resumed.ok && resumed.resumed).toBe(true);
    expect(resumed.ok && resumed.step.step).toBe(1);
    expect(resumed.ok && resumed.step.session.id).toBe(started.step.session.id);
    second.store.close();
  });
});
