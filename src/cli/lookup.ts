import { createInterface } from 'node:readline';
import type { Content } from '../content.js';
import type { LookupHit } from '../knowledge/search-index.js';
import { bold, cyan, dim, jsonLine, out } from './io.js';

export interface LookupOptions {
  json: boolean;
  limit: number;
}

/** `tutor lookup "query"`, or one query per stdin line when no query is given (answers in order). */
export async function lookupCommand(content: Content, query: string | undefined, options: LookupOptions): Promise<number> {
  const answer = (q: string) => {
    const results = content.search.lookup(q, options.limit);
    if (options.json) jsonLine({ query: q, results: results.map(({ id, title, domain, score, text, snippet }) => ({ id, title, domain, score, text, snippet })) });
    else printHuman(q, results);
  };
  if (query !== undefined) {
    answer(query);
    return 0;
  }
  // Streamed line by line so a tool can keep one tutor process open and ask as it goes.
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) answer(line.trim());
  return 0;
}

function printHuman(query: string, results: LookupHit[]): void {
  const [best, ...others] = results;
  if (!best) {
    out(`No section matches "${query}". Try fewer or other words, or an acronym such as KDS or RCF.`);
    return;
  }
  out(bold(best.title) + dim(`  ${best.domain} · ${best.id} · ${best.source}`));
  out();
  out(best.text);
  if (others.length > 0) {
    out();
    out(bold('Also relevant:'));
    for (const hit of others) out(`  ${cyan(hit.title)} ${dim(`(${hit.id})`)}\n    ${hit.snippet}`);
  }
}
