import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadContent } from '../src/core/content.js';
import { evaluateRetrieval, loadRetrievalCases } from '../tests/retrieval/eval.js';
import { SearchIndex } from '../src/knowledge/search-index.js';
import { plainIndex } from './plain-index.js';
import type { Section } from '../src/knowledge/section.js';
import { median, percentile, round, type Figure } from './stats.js';

const ROOT = join(import.meta.dirname, '..');
const ROUNDS = 20;

/**
 * Each query, ROUNDS times after a warm-up, timing the tuned and the plain index one right after the
 * other, so both see the same garbage collections and the same load from anything else on the machine.
 */
function timePair(
  tuned: (q: string) => unknown,
  plain: (q: string) => unknown,
  queries: readonly string[],
  rounds = ROUNDS,
): [number[], number[]] {
  for (const q of queries) {
    tuned(q);
    plain(q);
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      let start = performance.now();
      tuned(q);
      a.push(performance.now() - start);
      start = performance.now();
      plain(q);
      b.push(performance.now() - start);
    }
  }
  return [a, b];
}

/**
 * A corpus 100 times larger, built from the real sections: each copy keeps the vocabulary (so
 * queries hit as many postings as they would in a bigger set of real notes) with its sentences
 * rotated and its ids and titles numbered, so no two copies are identical documents.
 */
function synthetic(sections: readonly Section[], times: number): Section[] {
  const out: Section[] = [];
  for (let copy = 0; copy < times; copy++) {
    for (const s of sections) {
      const sentences = s.text.split(/(?<=[.!?])\s+/);
      const k = sentences.length ? copy % sentences.length : 0;
      out.push({
        ...s,
        id: `${s.id}-${copy}`,
        title: `${s.title} (${copy})`,
        text: [...sentences.slice(k), ...sentences.slice(0, k)].join(' '),
      });
    }
  }
  return out;
}

export async function run(): Promise<Figure[]> {
  const content = loadContent(join(ROOT, 'knowledge'));
  const cases = loadRetrievalCases(join(ROOT, 'tests/retrieval'));
  const holdout = loadRetrievalCases(join(ROOT, 'tests/retrieval/holdout'));
  const queries = cases.map((c) => c.q);

  const plain = plainIndex(content.sections);
  const [tuned, baseline] = timePair(
    (q) => content.search.lookup(q, 10),
    (q) => plain(q, 10),
    queries,
  );

  const big = synthetic(content.sections, 100);
  const bigStart = performance.now();
  const bigIndex = new SearchIndex(big, content.synonyms);
  const bigBuild = performance.now() - bigStart;
  const bigPlain = plainIndex(big);
  const [large, largePlain] = timePair(
    (q) => bigIndex.lookup(q, 10),
    (q) => bigPlain(q, 10),
    queries,
    5,
  );

  // Builds last: their garbage would otherwise be collected during the lookups above.
  const builds: number[] = [];
  for (let i = 0; i < 10; i++) {
    const start = performance.now();
    new SearchIndex(content.sections, content.synonyms);
    builds.push(performance.now() - start);
  }

  const ids = (q: string) => content.search.lookup(q, 10).map((h) => h.id);
  const quality = evaluateRetrieval(cases, ids);
  const held = evaluateRetrieval(holdout, ids);
  const plainQuality = evaluateRetrieval(cases, (q) => plain(q, 10));
  const plainHeld = evaluateRetrieval(holdout, (q) => plain(q, 10));

  return [
    { name: 'lookup.p50_ms', value: round(median(tuned)) },
    { name: 'lookup.p99_ms', value: round(percentile(tuned, 99)) },
    { name: 'lookup.baseline.p50_ms', value: round(median(baseline)) },
    { name: 'lookup.baseline.p99_ms', value: round(percentile(baseline, 99)) },
    { name: 'lookup.p99_vs_baseline_ratio', value: round(percentile(tuned, 99) / percentile(baseline, 99), 2) },
    { name: 'lookup.x100.sections', value: big.length },
    { name: 'lookup.x100.p50_ms', value: round(median(large)) },
    { name: 'lookup.x100.p99_ms', value: round(percentile(large, 99)) },
    { name: 'lookup.x100.baseline.p50_ms', value: round(median(largePlain)) },
    { name: 'lookup.x100.baseline.p99_ms', value: round(percentile(largePlain, 99)) },
    { name: 'index.build_ms', value: round(median(builds)) },
    { name: 'index.x100.build_ms', value: round(bigBuild, 1) },
    { name: 'lookup.queries', value: cases.length },
    { name: 'lookup.recall_at_1', value: round(quality.recallAt1) },
    { name: 'lookup.recall_at_3', value: round(quality.recallAt3) },
    { name: 'lookup.mrr', value: round(quality.mrr) },
    { name: 'lookup.baseline.recall_at_3', value: round(plainQuality.recallAt3) },
    { name: 'lookup.baseline.mrr', value: round(plainQuality.mrr) },
    { name: 'lookup.holdout.queries', value: holdout.length },
    { name: 'lookup.holdout.recall_at_3', value: round(held.recallAt3) },
    { name: 'lookup.holdout.mrr', value: round(held.mrr) },
    { name: 'lookup.holdout.baseline.recall_at_3', value: round(plainHeld.recallAt3) },
    { name: 'lookup.holdout.baseline.mrr', value: round(plainHeld.mrr) },
  ];
}
