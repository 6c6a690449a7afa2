import { tokenize } from './tokenize.js';
import type { Synonyms } from './synonyms.js';

/** Both directions of the synonyms file: an alias brings in its term, a term brings in its aliases. */
export class SynonymExpander {
  private readonly phrases = new Map<string, string[]>();
  private readonly maxWords: number;

  constructor(synonyms: Synonyms) {
    let maxWords = 1;
    const link = (from: string, to: string) => {
      const key = words(from).join(' ');
      if (!key) return;
      maxWords = Math.max(maxWords, key.split(' ').length);
      const list = this.phrases.get(key) ?? [];
      if (!list.includes(to)) list.push(to);
      this.phrases.set(key, list);
    };
    for (const [term, aliases] of Object.entries(synonyms)) {
      for (const alias of aliases) {
        link(alias, term);
        link(term, alias);
      }
    }
    this.maxWords = maxWords;
  }

  /** Every word of the synonyms file, to be kept out of the stemmer. */
  protectedTerms(): Set<string> {
    const set = new Set<string>();
    for (const [key, list] of this.phrases) {
      for (const w of key.split(' ')) set.add(w);
      for (const phrase of list) for (const w of words(phrase)) set.add(w);
    }
    return set;
  }

  /** The phrases that the text's words and word runs stand for, excluding what the text already says. */
  expand(text: string): string[] {
    const tokens = words(text);
    const found: string[] = [];
    for (let i = 0; i < tokens.length; i++) {
      for (let n = Math.min(this.maxWords, tokens.length - i); n >= 1; n--) {
        const hit = this.phrases.get(tokens.slice(i, i + n).join(' '));
        if (hit) for (const phrase of hit) if (!found.includes(phrase)) found.push(phrase);
      }
    }
    return found;
  }
}

/** Whole tokens only (no compound parts), lowercased. */
function words(text: string): string[] {
  return [...text.toLowerCase().matchAll(/[\p{L}\p{N}]+(?:[-._'][\p{L}\p{N}]+)*/gu)].map((m) => m[0]);
}
