import { displayPath } from '../study/index.js';
import type { CliContext } from './context.js';
import { out } from './io.js';

/** `tutor validate`: reaching here means the folder loaded cleanly; print what it holds. */
export function validateCommand(ctx: CliContext): number {
  const content = ctx.content();
  const files = new Set(content.sections.map((s) => s.source.replace(/:\d+$/, ''))).size;
  const exams = [...content.exams.values()].map((e) => e.short).join(', ');
  out(
    `${displayPath(content.dir)}: OK: ${content.sections.length} sections in ${files} note files, ${content.pool.questions.length} questions, exams ${exams}`,
  );
  return 0;
}
