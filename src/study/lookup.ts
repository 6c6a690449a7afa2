import type { Engine } from '../core/engine.js';
import type { LookupHit } from '../knowledge/search-index.js';
import type { Section } from '../knowledge/section.js';

export interface SectionView extends Section {
  /** Codes of the exams whose questions point at this section. */
  exams: readonly string[];
}

export interface LookupResult extends LookupHit {
  exams: readonly string[];
  origin: Section['origin'];
}

/** The best note sections for a question someone typed, best first. */
export function lookup(engine: Engine, query: string, limit = 5): LookupResult[] {
  const { search, sectionExams } = engine.content;
  return search.lookup(query, limit).map((hit) => ({ ...hit, exams: sectionExams.get(hit.id) ?? [], origin: search.section(hit.id)?.origin ?? 'notes' }));
}

export function section(engine: Engine, id: string): SectionView | undefined {
  const found = engine.content.search.section(id);
  return found ? { ...found, exams: engine.content.sectionExams.get(id) ?? [] } : undefined;
}

/** Section titles for an autocomplete box. */
export function autocompleteSections(engine: Engine, typed: string, limit?: number): Section[] {
  return engine.content.search.autocomplete(typed, limit);
}
