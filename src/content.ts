import { loadKnowledgeInto, type Knowledge } from './knowledge/load.js';
import { SearchIndex } from './knowledge/search-index.js';
import { ContentError, type Problem } from './knowledge/problems.js';
import { loadPoolInto, type QuestionPool } from './quiz/pool.js';

/** Everything the tutor teaches from one content folder, validated as a whole. */
export interface Content extends Knowledge {
  pool: QuestionPool;
  search: SearchIndex;
}

/** Loads a content folder or throws ContentError listing every problem in every file. */
export function loadContent(dir: string): Content {
  const problems: Problem[] = [];
  const partial = { sections: [], brokenNoteFiles: new Set<string>() };
  const knowledge = loadKnowledgeInto(dir, problems, partial);
  // Questions are checked even when some notes failed, against the sections that did load, so one
  // run shows every problem in every file.
  const pool = loadPoolInto(dir, knowledge?.sections ?? partial.sections, problems, partial.brokenNoteFiles);
  if (!knowledge || !pool) throw new ContentError(problems);
  return { ...knowledge, pool, search: new SearchIndex(knowledge.sections, knowledge.synonyms) };
}
