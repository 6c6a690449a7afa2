import type { Content } from '../content.js';
import { isMultipleResponse } from '../quiz/question.js';
import { bold, jsonLine, out } from './io.js';

/** `tutor sections --json`: one line per section, for tools. */
export function sectionsCommand(content: Content, json: boolean): number {
  for (const s of content.sections) {
    if (json) jsonLine({ id: s.id, title: s.title, domain: s.domain, text: s.text, source: s.source });
    else out(`${s.id}  ${s.title}`);
  }
  return 0;
}

/** `tutor questions [--json]`: every question as loaded, or a summary of the pool's mix. */
export function questionsCommand(content: Content, json: boolean): number {
  const { questions } = content.pool;
  if (json) {
    for (const q of questions) jsonLine(q);
    return 0;
  }
  const count = <K extends string | number>(key: (q: (typeof questions)[number]) => K) => {
    const map = new Map<K, number>();
    for (const q of questions) map.set(key(q), (map.get(key(q)) ?? 0) + 1);
    return map;
  };
  const pct = (n: number) => `${((100 * n) / questions.length).toFixed(1)}%`;
  out(bold(`${questions.length} questions`));
  out(bold('By domain') + ' (blueprint weight in brackets)');
  const byDomain = count((q) => q.domain);
  for (const d of content.blueprint.domains) {
    const n = byDomain.get(d.id) ?? 0;
    out(`  ${d.id.padEnd(18)} ${String(n).padStart(4)}  ${pct(n).padStart(6)}  [${d.weight}%]`);
  }
  out(bold('By difficulty'));
  const byDifficulty = count((q) => q.difficulty);
  for (const level of [1, 2, 3]) out(`  ${String(level).padEnd(18)} ${String(byDifficulty.get(level) ?? 0).padStart(4)}  ${pct(byDifficulty.get(level) ?? 0).padStart(6)}`);
  out(bold('By type'));
  const byType = count((q) => (isMultipleResponse(q) ? 'multiple response' : 'single answer'));
  for (const [type, n] of byType) out(`  ${type.padEnd(18)} ${String(n).padStart(4)}  ${pct(n).padStart(6)}`);
  return 0;
}
