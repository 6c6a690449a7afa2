import { tokenize, type TermProcessor } from './tokenize.js';

const SNIPPET_CHARS = 220;

/**
 * The sentence (or bullet) of a section that shares the most terms with the query, trimmed around
 * its first match, so the learner sees why the section was picked.
 */
export function snippet(text: string, query: string, processTerm: TermProcessor): string {
  const wanted = new Set(tokenize(query).map(processTerm).filter((t): t is string => t !== null));
  const pieces = text
    .split(/\n+|(?<=[.!?])\s+/)
    .map((p) => p.replace(/^[-*\s]+|[*_`]/g, '').trim())
    .filter((p) => p.length > 0);
  let best = pieces[0] ?? '';
  let bestHits = -1;
  for (const piece of pieces) {
    const hits = new Set(tokenize(piece).map(processTerm).filter((t) => t !== null && wanted.has(t))).size;
    if (hits > bestHits) {
      best = piece;
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
