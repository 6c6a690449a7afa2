import { describe, expect, it } from 'vitest';
import { domainQuota, drawExam } from '../../src/quiz/exam-draw.js';
import { scoreExam } from '../../src/quiz/exam-score.js';
import { chooseExamAnswer, examMinutes, showExam, startExam, submitExam, submitExpiredExams } from '../../src/study/exam.js';
import { fixtureContent, seeded, testEngine } from '../helpers/engine.js';

const content = fixtureContent();
const alpha = content.exams.get('fx-a01')!;

describe('the mock exam', () => {
  it('draws by the domain weights, spread over every task, never two questions marked apart', () => {
    expect(Object.fromEntries(domainQuota(alpha, 10))).toEqual({ storage: 4, models: 6 });
    for (let seed = 1; seed <= 30; seed++) {
      const exam = drawExam(content.pool.questions, alpha, 10, seeded(seed));
      expect(new Set(exam.map((q) => q.id)).size).toBe(10);
      const domains = exam.map((q) => q.exams['fx-a01']!.domain);
      expect(domains.filter((d) => d === 'storage')).toHaveLength(4);
      expect(new Set(exam.map((q) => q.exams['fx-a01']!.task))).toEqual(new Set(['1.1', '1.2', '2.1', '2.2']));
      const ids = exam.map((q) => q.id);
      expect(ids.includes('storage-007') && ids.includes('storage-008')).toBe(false);
    }
    // Only questions of the exam are drawn; extra-001 serves fx-b01 alone.
    expect(drawExam(content.pool.questions, alpha, 100, seeded(3)).map((q) => q.id)).not.toContain('extra-001');
  });

  it('scores on the scaled range with a per-domain and per-task breakdown and every wrong answer listed', () => {
    const qs = drawExam(content.pool.questions, alpha, 10, seeded(5));
    const allRight = scoreExam(
      qs,
      qs.map((q) => q.answer.join('')),
      alpha,
      false,
    );
    expect(allRight).toMatchObject({ exam: 'fx-a01', scaled: 1000, passed: true, wrong: [] });
    const noneAnswered = scoreExam(
      qs,
      qs.map(() => null),
      alpha,
      true,
    );
    expect(noneAnswered).toMatchObject({ scaled: 100, passed: false, autoSubmitted: true });
    expect(noneAnswered.wrong).toHaveLength(10);
    const eight = scoreExam(
      qs,
      qs.map((q, i) => (i < 8 ? q.answer.join('') : null)),
      alpha,
      false,
    );
    expect(eight.scaled).toBe(820);
    expect(eight.passed).toBe(true);
    expect(eight.domains.reduce((n, d) => n + d.total, 0)).toBe(10);
    expect(eight.tasks.reduce((n, t) => n + t.total, 0)).toBe(10);
    expect(eight.tasks.map((t) => t.task).sort()).toEqual(['1.1', '1.2', '2.1', '2.2']);
  });

  it('keeps answers changeable and ungraded until submitted, then stores them as attempts', () => {
    const { engine } = testEngine();
    const started = startExam(engine, { personId: 'p', guildId: null, length: 5 });
    if (!started.ok) throw new Error('no exam');
    const { session } = started.view;
    expect(started.view.remainingMs).toBe(examMinutes(alpha, 5) * 60_000);
    const q0 = started.view.question;
    chooseExamAnswer(engine, { sessionId: session.id, personId: 'p', position: 0, letter: 'A' });
    // Single answer: the new letter replaces A. Multiple response: letters toggle, so pick one that is not A.
    const letter = q0.answer.find((l) => l !== 'A') ?? 'B';
    const changed = chooseExamAnswer(engine, { sessionId: session.id, personId: 'p', position: 0, letter });
    expect(changed.ok && changed.view.chosen).toBe(q0.answer.length === 1 ? letter : `A${letter}`);
    expect(engine.store.sqlite.prepare('SELECT count(*) AS n FROM attempts').get()).toEqual({ n: 0 });
    const submitted = submitExam(engine, { sessionId: session.id, personId: 'p' });
    const again = submitExam(engine, { sessionId: session.id, personId: 'p' });
    expect(submitted.ok && again.ok && again.result).toEqual(submitted.ok && submitted.result);
    expect(engine.store.sqlite.prepare("SELECT count(*) AS n FROM attempts WHERE source = 'exam'").get()).toEqual({ n: 1 });
  });

  it('submits itself at the deadline and says so', () => {
    const { engine, clock } = testEngine();
    const started = startExam(engine, { personId: 'p', guildId: null, length: 3 });
    if (!started.ok) throw new Error('no exam');
    clock.advance(examMinutes(alpha, 3) * 60_000 + 1000);
    const late = chooseExamAnswer(engine, { sessionId: started.view.session.id, personId: 'p', position: 1, letter: 'A' });
    expect(late).toMatchObject({ ok: false, reason: 'submitted', byDeadline: true, result: { autoSubmitted: true } });
    expect(showExam(engine, { sessionId: started.view.session.id, personId: 'p', position: 0 })).toMatchObject({
      ok: false,
      reason: 'submitted',
    });
    // Starting again after the deadline returns the submitted result and a fresh exam.
    const next = startExam(engine, { personId: 'p', guildId: null, length: 3 });
    expect(next.ok && next.resumed).toBe(false);
  });

  it('submits exams whose owners never came back once their deadline passes, and only those', () => {
    const { engine, clock } = testEngine();
    const early = startExam(engine, { personId: 'gone', guildId: null, length: 2 });
    clock.advance(examMinutes(alpha, 2) * 60_000 - 30_000);
    const later = startExam(engine, { personId: 'still-here', guildId: null, length: 10 });
    expect(submitExpiredExams(engine)).toBe(0);
    clock.advance(60_000);
    expect(submitExpiredExams(engine)).toBe(1);
    expect(submitExpiredExams(engine)).toBe(0);
    const finished = engine.store.sqlite.prepare('SELECT id, result FROM sessions WHERE finished_at IS NOT NULL').all() as Array<{
      id: string;
      result: string;
    }>;
    expect(finished.map((r) => r.id)).toEqual([early.ok && early.view.session.id]);
    expect(JSON.parse(finished[0]!.result)).toMatchObject({ autoSubmitted: true });
    expect(later.ok).toBe(true);
  });

  it('resumes an exam before its deadline instead of starting over', () => {
    const { engine, clock } = testEngine();
    const first = startExam(engine, { personId: 'p', guildId: null, length: 4 });
    clock.advance(60_000);
    const again = startExam(engine, { personId: 'p', guildId: null, length: 4 });
    expect(first.ok && again.ok && again.resumed && again.view.session.id === first.view.session.id).toBe(true);
  });
});
