import { lookup, type Lookup } from '../study/lookup.js';
import type { CliContext } from './context.js';
import { bold, cyan, dim, jsonLine, out, yellow } from './io.js';

export interface LookupOptions {
  json: boolean;
  limit: number;
}

/** `tutor lookup "query"`, or one query per stdin line when no query is given (answers in order). */
export async function lookupCommand(ctx: CliContext, query: string | undefined, options: LookupOptions): Promise<number> {
  // Lookup reads the notes only: no database is opened.
  const engine = { content: ctx.content() };
  const answer = (q: string) => {
    const found = lookup(engine, q, options.limit);
    if (options.json)
      jsonLine({
        query: q,
        confidence: found.confidence,
        results: found.hits.map(({ id, title, domain, score, text, snippet, exams, origin }) => ({
          id,
          title,
          domain,
          score,
          text,
          snippet,
          exams,
          origin,
        })),
      });
    else printHuman(found, engine.content.exams);
  };
  if (query !== undefined) {
    answer(query);
    return 0;
  }
  // Streamed line by line so a tool can keep one tutor process open and ask as it goes.
  const { createInterface } = await import('node:readline');
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) answer(line.trim());
  return 0;
}

function printHuman(found: Lookup, exams: ReadonlyMap<string, { short: string }>): void {
  const [best, ...rest] = found.hits;
  if (!best || found.confidence === 'none') {
    out(
      `No good match for "${found.query}".${found.hits.length > 0 ? ' Closest titles:' : ' Try fewer or other words, or an acronym such as KDS or RCF.'}`,
    );
    for (const hit of found.hits.slice(0, 5)) out(`  ${cyan(hit.title)}`);
    return;
  }
  if (found.confidence === 'weak') out(yellow(`Closest match for "${found.query}":`));
  const serves = best.exams.map((c) => exams.get(c)?.short ?? c).join(', ');
  out(bold(best.title) + dim(`  ${best.id}${serves ? ` · ${serves}` : ''}${best.origin === 'added' ? ' · added by the tutor' : ''}`));
  out();
  out(best.text);
  const others = found.others.filter((h) => rest.some((r) => r.id === h.id));
  if (others.length > 0) {
    out();
    out(bold('Also relevant:'));
    for (const hit of others) out(`  ${cyan(hit.title)} ${dim(`(${hit.id})`)}\n    ${hit.snippet}`);
  }
}
