import type { Knowledge } from '../knowledge/load.js';
import type { SearchIndex } from '../knowledge/search-index.js';
import type { QuestionPool } from '../quiz/pool-index.js';

/** Everything the tutor teaches from one content folder, validated as a whole. */
export interface Content extends Knowledge {
  pool: QuestionPool;
  search: SearchIndex;
  /** The exams each section serves: those of the questions that point at it. */
  sectionExams: ReadonlyMap<string, readonly string[]>;
}

/** Content from its checked parts (fresh from the folder, or from the content cache). */
export function assembleContent(knowledge: Knowledge, pool: QuestionPool, search: SearchIndex): Content {
  const sectionExams = new Map<string, string[]>();
  for (const q of pool.questions) {
    const served = sectionExams.get(q.section) ?? [];
    for (const code of Object.keys(q.exams)) if (!served.includes(code)) served.push(code);
    sectionExams.set(q.section, served);
  }
  return { ...knowledge, pool, search, sectionExams };
}
