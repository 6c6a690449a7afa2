import type { Content } from '../core/content.js';
import type { Exam } from '../knowledge/exams.js';
import type { Question } from '../quiz/question.js';

/** What an author or a tool reads about the content: the exams, the questions, the coverage of each bullet. */

export interface ExamSummary {
  code: string;
  name: string;
  short: string;
  status: Exam['status'];
  retiredOn: string | null;
  successor: string | null;
  betaNote: string | null;
  domains: Array<{ id: string; name: string; weight: number }>;
  tasks: number;
  bullets: number;
  /** Questions that serve this exam. */
  questions: number;
}

export function examSummaries(content: Content): ExamSummary[] {
  return [...content.exams.values()].map((e) => ({
    code: e.code,
    name: e.name,
    short: e.short,
    status: e.status,
    retiredOn: e.retired_on ?? null,
    successor: e.successor ?? null,
    betaNote: e.beta?.note ?? null,
    domains: e.domains.map((d) => ({ id: d.id, name: d.name, weight: d.weight })),
    tasks: e.tasks.length,
    bullets: e.placements.size,
    questions: content.pool.questions.filter((q) => q.exams[e.code] !== undefined).length,
  }));
}

export interface BulletCoverage {
  exam: string;
  domain: string;
  task: string;
  bullet: string;
  text: string;
  /** Sections that teach it: those the bullet's questions point at. */
  sections: string[];
  questions: number;
}

/** The minimums the pool is held to (tests enforce them; coverage marks what is below). */
export const COVERAGE_MINIMUMS = { bulletQuestions: 2, taskQuestions: 6, bulletSections: 1 } as const;

export function coverage(content: Content, exam: Exam): BulletCoverage[] {
  const rows = new Map<string, BulletCoverage>();
  for (const t of exam.tasks)
    for (const b of t.bullets)
      rows.set(b.id, { exam: exam.code, domain: t.domain, task: t.id, bullet: b.id, text: b.text, sections: [], questions: 0 });
  for (const q of content.pool.questions) {
    const placement = q.exams[exam.code];
    const row = placement && rows.get(placement.bullet);
    if (!row) continue;
    row.questions++;
    if (!row.sections.includes(q.section)) row.sections.push(q.section);
  }
  return [...rows.values()];
}

/** The question as tools read it: `domain` is its domain in the default exam (null when it does not serve it). */
export function questionRecord(question: Question, defaultExam: string) {
  return { ...question, domain: question.exams[defaultExam]?.domain ?? null };
}
