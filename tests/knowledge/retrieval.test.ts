// Does /lookup find the section that answers a learner's question? Reports recall@1, recall@3 and MRR
// on the writers' queries and on a held-out set written without seeing the search results.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateRetrieval, loadRetrievalCases, type RetrievalReport } from '../retrieval/eval.js';
import { shippedContent } from '../e2e/harness.js';
import { lookup } from '../../src/study/lookup.js';

const content = shippedContent();
const dir = join(import.meta.dirname, '../retrieval');
const search = (q: string) => content.search.lookup(q, 10).map((h) => h.id);

function report(name: string, r: RetrievalReport): void {
  console.log(`retrieval ${name}: ${r.queries} queries, recall@1 ${r.recallAt1.toFixed(3)}, recall@3 ${r.recallAt3.toFixed(3)}, MRR ${r.mrr.toFixed(3)}`);
  for (const m of r.misses) console.log(`  miss: "${m.q}" -> ${m.got.join(', ')} (want ${m.expect})`);
}

describe('lookup retrieval', () => {
  const all = loadRetrievalCases(dir);
  const holdout = loadRetrievalCases(join(dir, 'holdout'));

  it('has at least 80 learner queries, each pointing at a real section', () => {
    expect(all.length).toBeGreaterThanOrEqual(80);
    const ids = new Set(content.sections.map((s) => s.id));
    expect(all.filter((c) => !ids.has(c.expect)).map((c) => c.expect)).toEqual([]);
  });

  it('finds the answering section in the top 3 for at least 95% of queries, held-out ones included', () => {
    const r = evaluateRetrieval(all, search);
    const h = evaluateRetrieval(holdout, search);
    report('all', r);
    report('held-out', h);
    expect(r.recallAt3).toBeGreaterThanOrEqual(0.95);
    expect(h.recallAt3).toBeGreaterThanOrEqual(0.95);
  });

  it('knows when it does not know: nonsense gets no match, no real question is called nonsense', () => {
    const engine = { content };
    const nonsense = ['purple flurble gronk', 'qwerty asdf zxcv', 'who won the world cup', 'my cat is sleeping', 'lorem ipsum dolor sit amet', 'weather in paris tomorrow'];
    expect(nonsense.filter((q) => lookup(engine, q).confidence !== 'none')).toEqual([]);
    const doubted = [...all, ...holdout].filter((c) => lookup(engine, c.q).confidence === 'none').map((c) => c.q);
    console.log(`lookup confidence: ${doubted.length} of ${all.length + holdout.length} learner queries called "no good match"`);
    expect(doubted.length / (all.length + holdout.length)).toBeLessThanOrEqual(0.01);
  });

  it('keeps technical terms findable as written', () => {
    const cases: Array<[string, RegExp]> = [
      ['t-SNE', /pca-vs-t-sne/],
      ['tsne', /pca-vs-t-sne/],
      ['k-means elbow', /k-means-clustering/],
      ['kmeans', /k-means-clustering/],
      ['ml.p3.2xlarge', /instance-types/],
      ['L1', /l1-and-l2-regularization/],
      ['scale_pos_weight', /xgboost|cost-sensitive/],
      ['KDS', /kinesis-data-streams/],
      ['RCF', /random-cut-forest/],
      ['SG ground truth', /ground-truth/],
    ];
    for (const [query, expected] of cases) expect(search(query).slice(0, 3).join(' '), query).toMatch(expected);
  });

  it('tolerates typos and does not stem service names away', () => {
    expect(search('kinesis firehouse parquet')[0]).toBe('kinesis/kinesis-data-firehose-converting-to-parquet-or-orc');
    expect(search('recomendation engine personalise')[0]).toMatch(/personalize/);
    expect(search('Kinesis').length).toBeGreaterThan(0);
  });

  it('returns nothing for a query of stop words only, and a snippet that quotes the section', () => {
    expect(content.search.lookup('what is the', 5)).toEqual([]);
    const [hit] = content.search.lookup('how many shards for 8 MB/s', 1);
    expect(hit!.id).toBe('kinesis/kinesis-data-streams-shards-and-throughput');
    expect(hit!.text).toContain(hit!.snippet.replace(/…/g, '').slice(0, 30));
  });

  it('autocompletes titles from a prefix, at most 25', () => {
    expect(content.search.autocomplete('').length).toBe(25);
    // Titles with the typed word come first; sections found only through an alias follow.
    const kine = content.search.autocomplete('kine').map((s) => /kinesis/i.test(s.title));
    expect(kine.slice(0, 5)).toEqual([true, true, true, true, true]);
    expect(kine.indexOf(false) === -1 || !kine.slice(kine.indexOf(false)).includes(true)).toBe(true);
    expect(content.search.autocomplete('xgbo')[0]?.title).toMatch(/XGBoost/);
  });
});
