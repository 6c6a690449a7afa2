import type { Question } from './question.js';

/** The question pool, indexed by id and by section. */
export interface QuestionPool {
  questions: Question[];
  byId: Map<string, Question>;
  bySection: Map<string, Question[]>;
}

export function makePool(questions: Question[]): QuestionPool {
  const bySection = new Map<string, Question[]>();
  for (const q of questions) bySection.set(q.section, [...(bySection.get(q.section) ?? []), q]);
  return { questions, byId: new Map(questions.map((q) => [q.id, q])), bySection };
}
