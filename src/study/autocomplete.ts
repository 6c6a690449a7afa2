import type { Engine } from '../core/engine.js';
import { answerHistory } from '../db/attempts.js';
import type { Section } from '../knowledge/section.js';
import { personStats } from './stats.js';

/**
 * Section titles for an autocomplete box. With nothing typed: the person's weakest sections, then
 * the ones they met most recently, so the box opens on what they need rather than on A to Z.
 */
export function autocompleteSections(
  engine: Engine,
  input: { typed: string; personId: string; guildId: string | null; limit?: number },
): Section[] {
  const limit = input.limit ?? 25;
  if (input.typed.trim() !== '') return engine.content.search.autocomplete(input.typed, limit);
  const ids = new Set(
    personStats(engine, { personId: input.personId, guildId: input.guildId, weakLimit: limit }).weak.map((w) => w.section),
  );
  for (const a of answerHistory(engine.store, input.personId)) {
    if (ids.size >= limit) break;
    ids.add(a.sectionId);
  }
  const mine = [...ids].map((id) => engine.content.search.section(id)).filter((s): s is Section => s !== undefined);
  if (mine.length > 0) return mine.slice(0, limit);
  // Someone new: the sections the most questions are about come first.
  const { bySection } = engine.content.pool;
  return [...engine.content.sections]
    .sort((a, b) => (bySection.get(b.id)?.length ?? 0) - (bySection.get(a.id)?.length ?? 0) || a.title.localeCompare(b.title))
    .slice(0, limit);
}
