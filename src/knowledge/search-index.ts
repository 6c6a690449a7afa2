import MiniSearch, { type SearchResult } from 'minisearch';
import { sectionRef } from './section-ref.js';
import { Snippets } from './snippet.js';
import { SynonymExpander } from './synonym-expansion.js';
import { termProcessor, tokenize, type TermProcessor } from './tokenize.js';
import type { Section } from './section.js';
import type { Synonyms } from './synonyms.js';

export interface LookupHit {
  /** How many of the query's words this section matched (exactly, by prefix or by typo). */
  matchedWords: number;
  id: string;
  title: string;
  domain: string;
  score: number;
  text: string;
  snippet: string;
  source: string;
}

/** Discord shows at most 25 autocomplete choices. */
export const AUTOCOMPLETE_MAX = 25;
/** Queries longer than this are cut: nobody types more into a search box, and it bounds the work. */
export const QUERY_MAX_CHARS = 300;

interface IndexedSection {
  id: string;
  title: string;
  keywords: string;
  tags: string;
  text: string;
}

// Title and the section's own aliases say what a section is about; file tags are shared by the whole
// file, so they count less; the body counts least but carries the facts.
const BOOST = { title: 3, keywords: 2.5, tags: 1, text: 1 };
// A word in more than this share of sections is dropped from a query that has a more telling one.
const COMMON_SHARE = 0.2;
// Expansion terms from the synonyms file help, but should not outrank what the learner typed.
const EXPANSION_WEIGHT = 0.6;

/** The lookup index over the notes: MiniSearch tuned for short technical queries. */
export class SearchIndex {
  private readonly index: MiniSearch<IndexedSection>;
  private readonly titles: MiniSearch<IndexedSection>;
  private readonly byId: Map<string, Section>;
  private readonly expander: SynonymExpander;
  private readonly processTerm: TermProcessor;
  private readonly snippets: Snippets;
  /** Every term in the index with the number of sections it occurs in. */
  private readonly documentFrequency = new Map<string, number>();

  private readonly byRef: Map<string, Section>;

  constructor(readonly sections: readonly Section[], synonyms: Synonyms) {
    this.byRef = new Map(sections.map((s) => [sectionRef(s.id), s]));
    this.byId = new Map(sections.map((s) => [s.id, s]));
    this.expander = new SynonymExpander(synonyms);
    this.processTerm = termProcessor(this.expander.protectedTerms());
    this.snippets = new Snippets(this.processTerm);
    const process = this.processTerm;
    const frequency = this.documentFrequency;
    let inDocument = new Set<string>();
    const options = {
      fields: ['title', 'keywords', 'tags', 'text'],
      tokenize,
      // Indexing records each section's terms as it goes; searching uses the plain processor.
      processTerm: (term: string) => {
        const t = process(term);
        if (t !== null) inDocument.add(t);
        return t;
      },
      searchOptions: {
        boost: BOOST,
        processTerm: process,
        // A word the notes contain is matched as is; only unknown words (partial or misspelt) are widened,
        // which keeps lookups fast on a big corpus and stops "stream" from also matching "streaming" twice.
        prefix: (term: string) => term.length >= 3 && !frequency.has(term),
        fuzzy: (term: string) => (term.length >= 5 && !/\d/.test(term) && !frequency.has(term) ? 0.2 : false),
      },
    };
    this.index = new MiniSearch<IndexedSection>(options);
    this.titles = new MiniSearch<IndexedSection>({ ...options, processTerm: process, fields: ['title', 'keywords'] });
    for (const section of sections) {
      const doc = this.toDocument(section);
      inDocument = new Set();
      this.index.add(doc);
      for (const t of inDocument) frequency.set(t, (frequency.get(t) ?? 0) + 1);
      this.titles.add(doc);
    }
  }

  private toDocument(section: Section): IndexedSection {
    // A section titled or aliased "KDS ..." is also found by "Kinesis Data Streams", and vice versa.
    const fromSynonyms = this.expander.expand([section.title, ...section.aliases].join(' , '));
    return {
      id: section.id,
      title: section.title,
      keywords: [...section.aliases, ...fromSynonyms].join(', '),
      tags: section.tags.join(', '),
      text: section.text,
    };
  }

  /**
   * The query without words that occur in so many sections that they barely rank anything ("data",
   * "model", "SageMaker"), as long as a more telling word remains: they cost the most to score on a
   * large corpus and add the least.
   */
  private selective(query: string): string {
    const limit = COMMON_SHARE * this.sections.length;
    const tokens = tokenize(query);
    const telling = tokens.filter((t) => {
      const term = this.processTerm(t);
      return term !== null && (this.documentFrequency.get(term) ?? 0) <= limit;
    });
    return telling.length > 0 ? telling.join(' ') : query;
  }

  lookup(rawQuery: string, limit = 5): LookupHit[] {
    const query = rawQuery.slice(0, QUERY_MAX_CHARS).trim();
    if (!tokenize(query).some((t) => this.processTerm(t) !== null)) return [];
    const expansions = this.expander.expand(query).filter((phrase) => this.selective(phrase) === phrase || tokenize(phrase).length > 1);
    const queries: Array<string | { queries: string[]; boost: typeof BOOST }> = [this.selective(query)];
    if (expansions.length > 0) {
      const scaled = Object.fromEntries(Object.entries(BOOST).map(([k, v]) => [k, v * EXPANSION_WEIGHT])) as typeof BOOST;
      queries.push({ queries: [expansions.join(' ')], boost: scaled });
    }
    const results = this.index.search({ combineWith: 'OR', queries });
    return results.slice(0, Math.max(1, limit)).map((r) => this.toHit(r, query));
  }

  private toHit(result: SearchResult, query: string): LookupHit {
    const section = this.byId.get(String(result.id))!;
    return {
      matchedWords: new Set(result.queryTerms).size,
      id: section.id,
      title: section.title,
      domain: section.domain,
      score: Math.round(result.score * 1000) / 1000,
      text: section.text,
      snippet: this.snippets.for(section.id, section.text, query),
      source: section.source,
    };
  }

  /** The query's words as the index sees them, and which of them the notes contain as they are. */
  queryTerms(rawQuery: string): { terms: string[]; known: string[] } {
    const terms = [...new Set(tokenize(rawQuery.slice(0, QUERY_MAX_CHARS)).map((t) => this.processTerm(t)).filter((t): t is string => t !== null))];
    return { terms, known: terms.filter((t) => this.documentFrequency.has(t)) };
  }

  /** Section titles for an autocomplete box: prefix and typo tolerant, at most 25. */
  autocomplete(partial: string, limit = AUTOCOMPLETE_MAX): Section[] {
    const max = Math.min(limit, AUTOCOMPLETE_MAX);
    const text = partial.slice(0, QUERY_MAX_CHARS).trim();
    if (text === '') return [...this.sections].sort((a, b) => a.title.localeCompare(b.title)).slice(0, max);
    const hits = this.titles.search(text, { prefix: true, combineWith: 'AND' });
    const found = (hits.length > 0 ? hits : this.titles.search(text, { prefix: true })).map((r) => this.byId.get(String(r.id))!);
    // Titles that themselves start a word with what was typed come before matches through aliases.
    const last = text.toLowerCase().split(/\s+/).at(-1) ?? '';
    const inTitle = (s: Section) => s.title.toLowerCase().split(/[^a-z0-9]+/).some((w) => w.startsWith(last));
    return [...found.filter(inTitle), ...found.filter((s) => !inTitle(s))].slice(0, max);
  }

  section(id: string): Section | undefined {
    return this.byId.get(id);
  }

  /** The section behind a short reference (section-ref.ts). */
  sectionByRef(ref: string): Section | undefined {
    return this.byRef.get(ref);
  }
}
