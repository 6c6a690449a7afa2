import type { Engine } from '../core/engine.js';
import { confidenceOf, otherHits, type Confidence } from '../knowledge/confidence.js';
import type { LookupHit } from '../knowledge/search-index.js';
import type { Section } from '../knowledge/section.js';

export type { Confidence } from '../knowledge/confidence.js';

/** Lookup reads the notes only: anything with the content will do (the terminal's lookup opens no database). */
type ContentOnly = Pick<Engine, 'content'>;

export interface SectionView extends Section {
  /** Codes of the exams whose questions point at this section. */
  exams: readonly string[];
}

export interface LookupResult extends LookupHit {
  exams: readonly string[];
  origin: Section['origin'];
}

export interface Lookup {
  query: string;
  confidence: Confidence;
  /** Best first; with confidence 'none' these are only the closest titles, offered as suggestions. */
  hits: LookupResult[];
  /** Hits worth offering besides the first: not it, and no noise far below it. */
  others: LookupResult[];
}

function withExams(engine: ContentOnly, hit: LookupHit): LookupResult {
  const { search, sectionExams } = engine.content;
  return { ...hit, exams: sectionExams.get(hit.id) ?? [], origin: search.section(hit.id)?.origin ?? 'notes' };
}

/** The best note sections for a question someone typed, and how sure the tutor is of the first. */
export function lookup(engine: ContentOnly, query: string, limit = 5): Lookup {
  const hits = engine.content.search.lookup(query, limit).map((h) => withExams(engine, h));
  const confidence = confidenceOf(hits[0]);
  const others = hits[0] ? otherHits(hits, hits[0].id) : [];
  return { query, confidence, hits: hits.slice(0, limit), others: others.slice(0, Math.max(0, limit - 1)) };
}

/** A section picked by id (an autocomplete choice), with the other sections about it. */
export function lookupSection(engine: ContentOnly, id: string, limit = 10): Lookup | null {
  const picked = engine.content.search.section(id);
  if (!picked) return null;
  const first: LookupResult = { ...picked, score: 1000, snippet: '', matchedWords: 0, exams: engine.content.sectionExams.get(id) ?? [] };
  const related = engine.content.search.lookup(picked.title, limit).map((h) => withExams(engine, h));
  return { query: picked.title, confidence: 'good', hits: [first], others: otherHits(related, id).slice(0, limit - 1) };
}

export function section(engine: ContentOnly, id: string): SectionView | undefined {
  const found = engine.content.search.section(id);
  return found ? { ...found, exams: engine.content.sectionExams.get(id) ?? [] } : undefined;
}

export function sectionByRef(engine: ContentOnly, ref: string): SectionView | undefined {
  const found = engine.content.search.sectionByRef(ref);
  return found ? section(engine, found.id) : undefined;
}
