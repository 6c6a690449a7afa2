import type { Exam } from '../knowledge/exams.js';
import { loadKnowledgeInto, type Knowledge, type PartialKnowledge } from '../knowledge/load.js';
import { ContentError, type Problem } from '../knowledge/problems.js';
import { SearchIndex } from '../knowledge/search-index.js';
import { loadPoolInto, type QuestionPool } from '../quiz/pool.js';

/** Everything the tutor teaches from one content folder, validated as a whole. */
export interface Content extends Knowledge {
  pool: QuestionPool;
  search: SearchIndex;
  /** The exams each section serves: those of the questions that point at it. */
  sectionExams: ReadonlyMap<string, readonly string[]>;
}

/**
 * Loads a content folder (exam blueprints, notes, synonyms and questions together) or throws
 * ContentError listing every problem in every file: questions are checked even when some notes or
 * exams failed, against what did load, so one run shows them all.
 */
export function loadContent(dir: string): Content {
  const problems: Problem[] = [];
  const partial: PartialKnowledge = { exams: new Map(), sections: [], brokenNoteFiles: new Set() };
  const knowledge = loadKnowledgeInto(dir, problems, partial);
  const pool = loadPoolInto(dir, knowledge?.sections ?? partial.sections, partial.exams, problems, partial.brokenNoteFiles);
  if (!knowledge || !pool) throw new ContentError(problems);
  return assembleContent(knowledge, pool, new SearchIndex(knowledge.sections, knowledge.synonyms));
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

/** An exam of the content, or undefined for an unknown code. */
export function examOf(content: Content, code: string): Exam | undefined {
  return content.exams.get(code);
}
