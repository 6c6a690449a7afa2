import { describe, expect, it } from 'vitest';
import { domainQuota, drawExam } from '../../src/quiz/exam-draw.js';
import { scoreExam } from '../../src/quiz/exam-score.js';
import { chooseExamAnswer, examMinutes, showExam, startExam, submitExam, submitExpiredExams } from '../../src/quiz/exam-session.js';
import { seeded, testEngine } from './engine-fixture.js';
import { shippedContent } from '../e2e/harness.js';

const content = shippedContent();
const { blueprint } = content;

describe('the mock exam', () => {
  it('draws 65 questions by the blueprint weights, all different', () => {
    expect(Object.fromEntries(domainQuota(blueprint, 65))).toEqual({ 'data-engineering': 13, eda: 16, modeling: 23, 'ml-ops': 13 });
    const exam = drawExam(content.pool.questions, blueprint, 65, seeded(3));
    expect(new Set(exam.map((q) => q.id)).size).toBe(65);
    const counts = Object.fromEntries(blueprint.domains.map((d) => [d.id, exam.filter((q) => q.domain === d.id).length]));
    expect(counts).toEqual({ 'data-engineering': 13, eda: 16, modeling: 23, 'ml-ops': 13 });
    expect(drawExam(content.pool.questions, blueprint, 10, seeded(3))).toHaveLength(10);
  });

  it('scores on the scaled range with a per-domain breakdown and every wrong answer listed', () => {
    const qs = drawExam(content.pool.questions, blueprint, 20, seeded(5));
    const allRight = scoreExam(qs, qs.map((q) => q.answer.join('')), blueprint, false);
    expect(allRight).toMatchObject({ scaled: 1000, passed: true, wrong: [] });
    const noneAnswered = scoreExam(qs, qs.map(() => null), blueprint, true);
    expect(noneAnswered).toMatchObject({ scaled: 100, passed: false, autoSubmitted: true });
    expect(noneAnswered.wrong).toHaveLength(20);
    const fifteen = scoreExam(qs, qs.map((q, i) => (i < 15 ? q.answer.join('') : null)), blueprint, false);
    expect(fifteen.scaled).toBe(775);
    expect(fifteen.passed).toBe(true);
    expect(fifteen.domains.reduce((n, d) => n + d.total, 0)).toBe(20);
  });

  it('keeps answers changeable and ungraded until submitted, then stores them as attempts', () => {
    const { engine } = testEngine();
    const started = startExam(engine, { personId: 'p', guildId: null, length: 5 });
    if (!started.ok) throw new Error('no exam');
    const { session } = started.view;
    expect(started.view.remainingMs).toBe(examMinutes(engine, 5) * 60_000);
    const q0 = started.view.question;
    chooseExamAnswer(engine, { sessionId: session.id, personId: 'p', position: 0, letter: 'A' });
    // Single answer: the new letter replaces A. Multiple response: letters toggle, so pick one that is not A.
    const letter = q0.answer.find((l) => l !== 'A') ?? 'B';
    const changed = chooseExamAnswer(engine, { sessionId: session.id, personId: 'p', position: 0, letter });
    expect(changed.ok && changed.view.chosen).toBe(q0.answer.length === 1 ? letter : `A${letter}`);
    expect(engine.store.sqlite.prepare('SELECT count(*) AS n FROM attempts').get()).toEqual({ n: 0 });
    const submitted = submitExam(engine, session.id, 'p');
    const again = submitExam(engine, session.id, 'p');
    expect(submitted.ok && again.ok && again.result).toEqual(submitted.ok && submitted.result);
    expect(engine.store.sqlite.prepare("SELECT count(*) AS n FROM attempts WHERE source = 'exam'").get()).toEqual({ n: 1 });
  });

  it('submits itself at the deadline and says so', () => {
    const { engine, clock } = testEngine();
    const started = startExam(engine, { personId: 'p', guildId: null, length: 3 });
    if (!started.ok) throw new Error('no exam');
    clock.advance(examMinutes(engine, 3) * 60_000 + 1000);
    const late = chooseExamAnswer(engine, { sessionId: started.view.session.id, personId: 'p', position: 1, letter: 'A' });
    expect(late).toMatchObject({ ok: false, reason: 'expired', result: { autoSubmitted: true } });
    expect(showExam(engine, started.view.session.id, 'p', 0)).toMatchObject({ ok: false, reason: 'expired' });
    // Starting again after the deadline returns the submitted result and a fresh exam.
    const next = startExam(engine, { personId: 'p', guildId: null, length: 3 });
    expect(next.ok && next.resumed).toBe(false);
  });

  it("submits exams whose owners never came back once their deadline passes, and only those", () => {
    const { engine, clock } = testEngine();
    const early = startExam(engine, { personId: 'gone', guildId: null, length: 2 });
    clock.advance(examMinutes(engine, 2) * 60_000 - 30_000);
    const later = startExam(engine, { personId: 'still-here', guildId: null, length: 10 });
    expect(submitExpiredExams(engine)).toBe(0);
    clock.advance(60_000);
    expect(submitExpiredExams(engine)).toBe(1);
    expect(submitExpiredExams(engine)).toBe(0);
    const finished = engine.store.sqlite.prepare('SELECT id, result FROM sessions WHERE finished_at IS NOT NULL').all() as Array<{ id: string; result: string }>;
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
