import type { Knowledge } from '../knowledge/load.js';
import type { SearchIndex } from '../knowledge/search-index.js';
import type { QuestionPool } from '../quiz/pool-index.js';
import type { Question } from '../quiz/question.js';

/** Everything the tutor teaches from one content folder, validated as a whole. */
export interface Content extends Knowledge {
  pool: QuestionPool;
  search: SearchIndex;
  /** The exams each section serves: those of the questions that point at it. */
  sectionExams: ReadonlyMap<string, readonly string[]>;
}

/** The exams each section serves, from the questions that point at it. */
export function sectionExamsOf(questions: readonly Question[]): Map<string, string[]> {
  const sectionExams = new Map<string, string[]>();
  for (const q of questions) {
    const served = sectionExams.get(q.section) ?? [];
    for (const code of Object.keys(q.exams)) if (!served.includes(code)) served.push(code);
    sectionExams.set(q.section, served);
  }
  return sectionExams;
}

/** Content from its checked parts, fresh from the folder. */
export function assembleContent(knowledge: Knowledge, pool: QuestionPool, search: SearchIndex): Content {
  return { ...knowledge, pool, search, sectionExams: sectionExamsOf(pool.questions) };
}

/** Content whose question pool is read only when first asked for (the content cache: a lookup never needs it). */
export function contentWithLazyPool(
  knowledge: Knowledge,
  search: SearchIndex,
  sectionExams: ReadonlyMap<string, readonly string[]>,
  readPool: () => QuestionPool,
): Content {
  let pool: QuestionPool | undefined;
  return {
    ...knowledge,
    search,
    sectionExams,
    get pool() {
      return (pool ??= readPool());
    },
  };
}
