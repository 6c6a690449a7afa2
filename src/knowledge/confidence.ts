import type { LookupHit } from './search-index.js';

/**
 * How sure lookup is that its best hit answers the question. Measured on the retrieval test set (see
 * tests/knowledge/retrieval.test.ts): the best hit of a real learner query scores 18 or more (5th
 * percentile 82), while questions from outside the notes ("who won the world cup", typed noise) score
 * under 15. Between the two, lookup says "closest match" instead of pretending to know.
 */
export type Confidence = 'good' | 'weak' | 'none';

export const CONFIDENCE_SCORE = { none: 15, good: 60 } as const;
/** Other hits far below the best are noise, not alternatives ("pipe mode": file modes at 18% of the best, unrelated sections under 8%). */
const OTHER_HIT_SHARE = 0.15;

export function confidenceOf(best: Pick<LookupHit, 'score'> | undefined): Confidence {
  if (!best || best.score < CONFIDENCE_SCORE.none) return 'none';
  return best.score < CONFIDENCE_SCORE.good ? 'weak' : 'good';
}

/** The hits worth offering besides the one shown: not it, and not noise far below it. */
export function otherHits<H extends Pick<LookupHit, 'id' | 'score'>>(hits: readonly H[], shownId: string): H[] {
  const best = hits[0]?.score ?? 0;
  return hits.filter((h) => h.id !== shownId && h.score >= best * OTHER_HIT_SHARE);
}
