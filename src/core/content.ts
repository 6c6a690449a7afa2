import type { Exam } from '../knowledge/exams.js';
import { loadKnowledgeInto, type PartialKnowledge } from '../knowledge/load.js';
import { ContentError, type Problem } from '../knowledge/problems.js';
import { SearchIndex } from '../knowledge/search-index.js';
import { assembleContent, type Content } from './content-model.js';

export type { Content } from './content-model.js';
import { loadPoolInto } from '../quiz/pool.js';

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

/** An exam of the content, or undefined for an unknown code. */
export function examOf(content: Content, code: string): Exam | undefined {
  return content.exams.get(code);
}
