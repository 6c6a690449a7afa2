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

/**
 * What the indexes are built into: kept in memory, or saved to disk by the content cache. The title
 * index is a function so a saved copy is read only when an autocomplete box asks for it.
 */
export interface SerializedIndex {
  index: unknown;
  documentFrequency: Array<[string, number]>;
  titles: () => unknown;
}

type LoadableIndex = Parameters<typeof MiniSearch.loadJS>[0];

interface Main {
  index: MiniSearch<IndexedSection>;
  /** Every term in the index with the number of sections it occurs in. */
  documentFrequency: Map<string, number>;
}

/**
 * The lookup index over the notes: MiniSearch tuned for short technical queries. It is built on first
 * use (a quiz never needs it), or loaded from a saved copy (see core/content-cache.ts).
 */
export class SearchIndex {
  private readonly byId: Map<string, Section>;
  private readonly byRef: Map<string, Section>;
  private readonly position: Map<string, number>;
  private readonly expander: SynonymExpander;
  private readonly processTerm: TermProcessor;
  private readonly snippets: Snippets;
  private main: Main | undefined;
  private titleIndex: MiniSearch<IndexedSection> | undefined;
  private savedFrequency: Map<string, number> | undefined;

  constructor(
    readonly sections: readonly Section[],
    synonyms: Synonyms,
    private readonly saved?: SerializedIndex,
  ) {
    this.byRef = new Map(sections.map((s) => [sectionRef(s.id), s]));
    this.byId = new Map(sections.map((s) => [s.id, s]));
    this.position = new Map(sections.map((s, i) => [s.id, i]));
    this.expander = new SynonymExpander(synonyms);
    this.processTerm = termProcessor(this.expander.protectedTerms());
    this.snippets = new Snippets(this.processTerm);
  }

  private options(frequency: Map<string, number>, record: (term: string) => void = () => {}) {
    const process = this.processTerm;
    return {
      fields: ['title', 'keywords', 'tags', 'text'],
      tokenize,
      // Indexing records each section's terms as it goes; searching uses the plain processor.
      processTerm: (term: string) => {
        const t = process(term);
        if (t !== null) record(t);
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
  }

  private get engine(): Main {
    if (this.main) return this.main;
    if (this.saved) {
      const documentFrequency = this.frequency;
      this.main = { index: MiniSearch.loadJS<IndexedSection>(this.saved.index as LoadableIndex, this.options(documentFrequency)), documentFrequency };
      return this.main;
    }
    const documentFrequency = new Map<string, number>();
    let inDocument = new Set<string>();
    const index = new MiniSearch<IndexedSection>(this.options(documentFrequency, (t) => inDocument.add(t)));
    for (const section of this.sections) {
      inDocument = new Set();
      index.add(this.toDocument(section));
      for (const t of inDocument) documentFrequency.set(t, (documentFrequency.get(t) ?? 0) + 1);
    }
    this.main = { index, documentFrequency };
    return this.main;
  }

  /** How many sections each term occurs in: saved beside the index, or counted while building it. */
  private get frequency(): Map<string, number> {
    if (this.main) return this.main.documentFrequency;
    if (this.saved) return (this.savedFrequency ??= new Map(this.saved.documentFrequency));
    return this.engine.documentFrequency;
  }

  private get titles(): MiniSearch<IndexedSection> {
    if (this.titleIndex) return this.titleIndex;
    // Titles and aliases only, ranked and widened like the main index.
    const options = { ...this.options(this.frequency), processTerm: this.processTerm, fields: ['title', 'keywords'] };
    if (this.saved) {
      this.titleIndex = MiniSearch.loadJS<IndexedSection>(this.saved.titles() as LoadableIndex, options);
    } else {
      this.titleIndex = new MiniSearch<IndexedSection>(options);
      this.titleIndex.addAll(this.sections.map((s) => this.toDocument(s)));
    }
    return this.titleIndex;
  }

  /** Builds the indexes and splits the sections for snippets now, not at the first lookups (the bot does this at start). */
  warm(): void {
    void this.engine;
    void this.titles;
    this.snippets.warm(this.sections);
  }

  /** The built indexes as plain data, for the content cache. */
  serialize(): { index: unknown; titles: unknown; documentFrequency: Array<[string, number]> } {
    const { index, documentFrequency } = this.engine;
    return { index: index.toJSON(), titles: this.titles.toJSON(), documentFrequency: [...documentFrequency] };
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
    const documentFrequency = this.frequency;
    const telling = tokens.filter((t) => {
      const term = this.processTerm(t);
      return term !== null && (documentFrequency.get(term) ?? 0) <= limit;
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
    const results = this.engine.index.search({ combineWith: 'OR', queries });
    const wanted = this.snippets.terms(query);
    return results.slice(0, Math.max(1, limit)).map((r) => this.toHit(r, wanted));
  }

  private toHit(result: SearchResult, wanted: ReadonlySet<string>): LookupHit {
    const section = this.byId.get(String(result.id))!;
    return {
      matchedWords: new Set(result.queryTerms).size,
      id: section.id,
      title: section.title,
      domain: section.domain,
      score: Math.round(result.score * 1000) / 1000,
      text: section.text,
      snippet: this.snippets.for(section.id, section.text, wanted),
      source: section.source,
    };
  }

  /** The query's words as the index sees them, and which of them the notes contain as they are. */
  queryTerms(rawQuery: string): { terms: string[]; known: string[] } {
    const terms = [...new Set(tokenize(rawQuery.slice(0, QUERY_MAX_CHARS)).map((t) => this.processTerm(t)).filter((t): t is string => t !== null))];
    const documentFrequency = this.frequency;
    return { terms, known: terms.filter((t) => documentFrequency.has(t)) };
  }

  /**
   * Section titles for an autocomplete box, prefix and typo tolerant, at most 25: titles that start
   * with what was typed first, then titles with a word that starts with it, then matches through
   * aliases; within each, in the notes' own order (a topic's overview comes before its details).
   */
  autocomplete(partial: string, limit = AUTOCOMPLETE_MAX): Section[] {
    const max = Math.min(limit, AUTOCOMPLETE_MAX);
    const text = partial.slice(0, QUERY_MAX_CHARS).trim();
    if (text === '') return this.sections.slice(0, max);
    const titles = this.titles;
    const hits = titles.search(text, { prefix: true, combineWith: 'AND' });
    const found = (hits.length > 0 ? hits : titles.search(text, { prefix: true })).map((r) => this.byId.get(String(r.id))!);
    const typed = text.toLowerCase();
    const last = typed.split(/\s+/).at(-1) ?? '';
    const rank = (s: Section) => {
      const title = s.title.toLowerCase();
      if (title.startsWith(typed)) return 0;
      return title.split(/[^a-z0-9]+/).some((w) => w.startsWith(last)) ? 1 : 2;
    };
    return found.sort((a, b) => rank(a) - rank(b) || this.position.get(a.id)! - this.position.get(b.id)!).slice(0, max);
  }

  section(id: string): Section | undefined {
    return this.byId.get(id);
  }

  /** The section behind a short reference (section-ref.ts). */
  sectionByRef(ref: string): Section | undefined {
    return this.byRef.get(ref);
  }
}
