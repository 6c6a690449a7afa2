import type { Content } from '../content.js';
import { displayPath } from '../knowledge/load.js';
import { out } from './io.js';

/** `tutor validate`: reaching here means the folder loaded cleanly; print what it holds. */
export function validateSummary(content: Content): number {
  const files = new Set(content.sections.map((s) => s.source.replace(/:\d+$/, ''))).size;
  out(
    `${displayPath(content.dir)}: OK: ${content.sections.length} sections in ${files} note files, ` +
      `${content.pool.questions.length} questions, ${content.blueprint.domains.length} domains (${content.blueprint.name})`,
  );
  return 0;
}
