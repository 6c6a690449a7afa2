import { stemmer } from 'stemmer';

/**
 * Words joined by `-`, `.`, `_` or `'` (`t-SNE`, `k-means`, `ml.p3.2xlarge`, `scale_pos_weight`) are
 * indexed as their parts, so "scale pos weight" and "p3" find them; when a part is short, the joined
 * form too, so "kmeans", "tsne" and "f1score" find them. The compound itself is not indexed: it would
 * only add near-duplicate terms that prefix search then counts again and again.
 */
const TOKEN = /[\p{L}\p{N}]+(?:[-._'][\p{L}\p{N}]+)*/gu;

export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const [raw] of text.matchAll(TOKEN)) {
    const token = raw.toLowerCase();
    if (!/[-._']/.test(token)) {
      out.push(token);
      continue;
    }
    const parts = token.split(/[-._']+/);
    for (const part of parts) if (part.length > 1 || /\d/.test(part)) out.push(part);
    if (parts.some((p) => p.length <= 3)) out.push(parts.join(''));
  }
  return out;
}

/** Words a learner types around the question that say nothing about the topic. */
const STOP_WORDS = new Set(
  `a an the and or but if of to in on at by for with from into onto as is are was were be been being am do does did
  doing have has had having i me my we our you your he she it its they them their this that these those there here
  what which who whom whose when where why how can could should would will shall may might must not no nor so than
  too very just also about above below up down out over under again then once any all both each few more most other
  some such only own same s t don now use used using need needs want wants get gets make tell explain mean means
  difference between vs versus best way ok please thing things`.split(/\s+/),
);

export interface TermProcessor {
  (term: string): string | null;
}

/**
 * Lowercases, drops stop words and stems with Porter, except for protected terms (service names and
 * acronyms from the synonyms file) and anything with digits or joiners, which stay as written so that
 * "Kinesis" never turns into "kinesi" and "p3" never changes.
 */
export function termProcessor(protectedTerms: ReadonlySet<string>): TermProcessor {
  return (term) => {
    const t = term.toLowerCase();
    if (STOP_WORDS.has(t)) return null;
    if (t.length <= 3 || protectedTerms.has(t) || /[\d\-._']/.test(t)) return t;
    return stemmer(t);
  };
}
