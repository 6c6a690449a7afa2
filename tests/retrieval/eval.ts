import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

export const retrievalCaseSchema = z.object({ q: z.string().min(1), expect: z.string().min(1) });
export type RetrievalCase = z.infer<typeof retrievalCaseSchema>;

export interface RetrievalReport {
  queries: number;
  recallAt1: number;
  recallAt3: number;
  mrr: number;
  misses: Array<{ q: string; expect: string; got: string[] }>;
}

/** Loads every *.yaml under a folder (recursively) as a list of {q, expect}. */
export function loadRetrievalCases(dir: string): RetrievalCase[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return loadRetrievalCases(path);
      if (!name.endsWith('.yaml')) return [];
      return z.array(retrievalCaseSchema).parse(parse(readFileSync(path, 'utf8')));
    });
}

/** recall@1, recall@3 and mean reciprocal rank (over the top 10) of a search function on a query set. */
export function evaluateRetrieval(cases: readonly RetrievalCase[], search: (q: string) => string[]): RetrievalReport {
  let at1 = 0;
  let at3 = 0;
  let rr = 0;
  const misses: RetrievalReport['misses'] = [];
  for (const c of cases) {
    const ids = search(c.q).slice(0, 10);
    const rank = ids.indexOf(c.expect) + 1;
    if (rank === 1) at1++;
    if (rank >= 1 && rank <= 3) at3++;
    if (rank >= 1) rr += 1 / rank;
    if (rank === 0 || rank > 3) misses.push({ q: c.q, expect: c.expect, got: ids.slice(0, 3) });
  }
  const n = Math.max(cases.length, 1);
  return { queries: cases.length, recallAt1: at1 / n, recallAt3: at3 / n, mrr: rr / n, misses };
}
