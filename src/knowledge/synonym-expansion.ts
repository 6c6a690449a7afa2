import type { Synonyms } from './synonyms.js';

/**
 * The synonyms file as a lookup from what learners type to the term the notes use: "KDS" brings in
 * "Kinesis Data Streams". Only alias -> term: expanding a term into all its aliases would make every
 * query that says "SageMaker" also search "SG SM Amazon SageMaker", piling score on the same sections.
 */
export class SynonymExpander {
  private readonly toTerm = new Map<string, string>();
  private readonly maxWords: number;

  constructor(synonyms: Synonyms) {
    let maxWords = 1;
    for (const [term, aliases] of Object.entries(synonyms)) {
      for (const phrase of [term, ...aliases]) {
        const key = words(phrase).join(' ');
        if (!key || this.toTerm.has(key)) continue;
        maxWords = Math.max(maxWords, key.split(' ').length);
        this.toTerm.set(key, term);
      }
    }
    this.maxWords = maxWords;
  }

  /** Every word of the synonyms file, to be kept out of the stemmer. */
  protectedTerms(): Set<string> {
    const set = new Set<string>();
    for (const [key, term] of this.toTerm) for (const w of [...key.split(' '), ...words(term)]) set.add(w);
    return set;
  }

  /** The terms that the text's words and word runs stand for (longest run first), excluding what the text already says. */
  expand(text: string): string[] {
    const tokens = words(text);
    const said = ` ${tokens.join(' ')} `;
    const found: string[] = [];
    for (let i = 0; i < tokens.length; i++) {
      for (let n = Math.min(this.maxWords, tokens.length - i); n >= 1; n--) {
        const term = this.toTerm.get(tokens.slice(i, i + n).join(' '));
        if (term === undefined) continue;
        if (!found.includes(term) && !said.includes(` ${words(term).join(' ')} `)) found.push(term);
        i += n - 1;
        break;
      }
    }
    return found;
  }
}

/** Whole tokens only (no compound parts), lowercased. */
function words(text: string): string[] {
  return [...text.toLowerCase().matchAll(/[\p{L}\p{N}]+(?:[-._'][\p{L}\p{N}]+)*/gu)].map((m) => m[0]);
}
