import type { Engine } from '../core/engine.js';
import { answerHistory } from '../db/attempts.js';
import { getStreak } from '../db/streaks.js';
import type { Exam } from '../knowledge/exams.js';
import { localDate } from '../progress/calendar.js';
import { masteryBy, weakSections, type GroupMastery } from '../progress/mastery.js';
import { currentStreak } from '../progress/streak.js';
import { examFor, zoneFor } from './preferences.js';
import { readiness, readinessView, type ReadinessView } from './readiness.js';

export interface MasteryRow {
  attempts: number;
  accuracy: number | null;
  mastery: number;
}

export interface WeakTask extends MasteryRow {
  task: string;
  name: string;
  domain: string;
  correct: number;
  /** The bullet of the task the person missed most, to read first. */
  bullet: { id: string; text: string } | null;
  /** Sections of the questions missed in this task, most missed first. */
  sections: Array<{ id: string; title: string }>;
}

export interface PersonStats {
  user: string;
  exam: { code: string; short: string; name: string; status: Exam['status'] };
  /** Every answer, whatever the exam. */
  attempts: number;
  correct: number;
  accuracy: number | null;
  /** Answers to questions of this exam. */
  examAttempts: number;
  streak: { current: number; best: number };
  domains: Array<MasteryRow & { domain: string; name: string }>;
  tasks: Array<MasteryRow & { task: string; name: string; domain: string }>;
  /** The weakest tasks with at least one wrong answer, weakest first. */
  weakTasks: WeakTask[];
  /** Sections to reread: those with wrong answers, weakest first. */
  weak: Array<{ section: string; title: string; attempts: number; correct: number; mastery: number }>;
  /** Would they pass today: a predicted score with an interval, or "not enough answers yet". */
  readiness: ReadinessView;
}

const round = (n: number) => Math.round(n * 1000) / 1000;
const row = (m: GroupMastery): MasteryRow => ({
  attempts: m.attempts,
  accuracy: m.accuracy === null ? null : round(m.accuracy),
  mastery: round(m.mastery),
});

/** A person's streak, accuracy, mastery per domain and task of their exam, and what to reread. */
export function personStats(
  engine: Engine,
  input: { personId: string; guildId: string | null; weakLimit?: number; exam?: Exam },
): PersonStats {
  const { personId, guildId } = input;
  const weakLimit = input.weakLimit ?? 5;
  const now = engine.clock.now();
  const exam = input.exam ?? examFor(engine, personId, guildId);
  const history = answerHistory(engine.store, personId);
  const inExam = history.filter((a) => engine.content.pool.byId.get(a.questionId)?.exams[exam.code] !== undefined);
  const placement = (a: { questionId: string }) => engine.content.pool.byId.get(a.questionId)?.exams[exam.code];
  const correct = history.filter((a) => a.correct).length;
  const today = localDate(now, zoneFor(engine, personId, guildId));
  const titles = new Map(engine.content.sections.map((s) => [s.id, s.title]));
  const streak = currentStreak(getStreak(engine.store, personId), today);
  const tasks = masteryBy(
    inExam,
    now,
    (a) => placement(a)?.task,
    exam.tasks.map((t) => t.id),
  );
  return {
    user: personId,
    exam: { code: exam.code, short: exam.short, name: exam.name, status: exam.status },
    attempts: history.length,
    correct,
    accuracy: history.length === 0 ? null : round(correct / history.length),
    examAttempts: inExam.length,
    streak: { current: streak.current, best: streak.best },
    domains: masteryBy(
      inExam,
      now,
      (a) => placement(a)?.domain,
      exam.domains.map((d) => d.id),
    ).map((m) => ({
      domain: m.key,
      name: exam.domains.find((d) => d.id === m.key)?.name ?? m.key,
      ...row(m),
    })),
    tasks: tasks.map((m) => {
      const task = exam.tasks.find((t) => t.id === m.key)!;
      return { task: m.key, name: task.name, domain: task.domain, ...row(m) };
    }),
    weakTasks: tasks
      .filter((m) => m.correct < m.attempts)
      .sort((a, b) => a.mastery - b.mastery || b.attempts - a.attempts)
      .slice(0, weakLimit)
      .map((m) => {
        const task = exam.tasks.find((t) => t.id === m.key)!;
        const missed = inExam.filter((a) => !a.correct && placement(a)?.task === m.key);
        const bulletId = mostCommon(missed.map((a) => placement(a)!.bullet));
        const bullet = bulletId ? task.bullets.find((b) => b.id === bulletId) : undefined;
        return {
          task: m.key,
          name: task.name,
          domain: task.domain,
          correct: m.correct,
          ...row(m),
          bullet: bullet ? { id: bullet.id, text: bullet.text } : null,
          sections: rankByCount(missed.map((a) => a.sectionId)).map((id) => ({ id, title: titles.get(id) ?? id })),
        };
      }),
    readiness: readinessView(exam, readiness(engine, { personId, guildId, exam }).estimate),
    weak: weakSections(inExam, now, weakLimit).map((w) => ({
      section: w.sectionId,
      title: titles.get(w.sectionId) ?? w.sectionId,
      attempts: w.attempts,
      correct: w.correct,
      mastery: round(w.mastery),
    })),
  };
}

function rankByCount(values: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([v]) => v);
}

function mostCommon(values: readonly string[]): string | undefined {
  return rankByCount(values)[0];
}
