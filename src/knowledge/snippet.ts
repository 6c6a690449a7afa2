import { tokenize, type TermProcessor } from './tokenize.js';

const SNIPPET_CHARS = 220;

interface Piece {
  text: string;
  terms: Set<string>;
}

/**
 * Picks the sentence (or bullet) of a section that shares the most terms with the query, trimmed
 * around its first match, so the learner sees why the section was picked. A section's pieces are
 * split and stemmed once (on first use, or all at once by `warm`), not on every lookup.
 */
export class Snippets {
  private readonly cache = new Map<string, Piece[]>();

  constructor(private readonly processTerm: TermProcessor) {}

  /** The query's terms, computed once per lookup and passed to `for` for every hit. */
  terms(text: string): Set<string> {
    return new Set(tokenize(text).map(this.processTerm).filter((t): t is string => t !== null));
  }

  private pieces(id: string, text: string): Piece[] {
    let pieces = this.cache.get(id);
    if (!pieces) {
      pieces = text
        .split(/\n+|(?<=[.!?])\s+/)
        .map((p) => p.replace(/^[-*\s]+|[*_`]/g, '').trim())
        .filter((p) => p.length > 0)
        .map((p) => ({ text: p, terms: this.terms(p) }));
      this.cache.set(id, pieces);
    }
    return pieces;
  }

  /** Splits and stems every section now, so lookups never pay for it (the bot does this at start). */
  warm(sections: ReadonlyArray<{ id: string; text: string }>): void {
    for (const { id, text } of sections) this.pieces(id, text);
  }

  for(id: string, text: string, wanted: ReadonlySet<string>): string {
    let best = '';
    let bestHits = -1;
    for (const piece of this.pieces(id, text)) {
      let hits = 0;
      for (const t of wanted) if (piece.terms.has(t)) hits++;
      if (hits > bestHits) {
        best = piece.text;
        bestHits = hits;
      }
    }
    if (best.length <= SNIPPET_CHARS) return best;
    const lower = best.toLowerCase();
    const firstHit = Math.min(...[...wanted].map((t) => lower.indexOf(t)).filter((i) => i >= 0), best.length);
    const start = Math.max(0, Math.min(firstHit - 60, best.length - SNIPPET_CHARS));
    const cut = best.slice(start, start + SNIPPET_CHARS).trim();
    return `${start > 0 ? '…' : ''}${cut}${start + SNIPPET_CHARS < best.length ? '…' : ''}`;
  }
}
