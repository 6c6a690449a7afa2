import { bar, percent } from '../format.js';
import { writeFileSync } from 'node:fs';
import { choosePersonTimeZone, personStats, type Engine } from '../study/index.js';
import type { CliContext } from './context.js';
import { askedExam, cliEngine, rememberExam } from './engine.js';
import { bold, cyan, dim, jsonLine, out, UsageError } from './io.js';
import { refusalText } from './words.js';

/** Opens the engine for stats: read-only unless something is to be remembered (a zone). */
function statsEngine(ctx: CliContext): Engine & { close(): void } {
  return cliEngine(ctx, { readonly: ctx.values.timezone === undefined });
}

/** `tutor stats [--json]`: the same figures as /stats, for the exam of --exam or the person's. */
export async function statsCommand(ctx: CliContext): Promise<number> {
  const zone = ctx.values.timezone;
  const engine = statsEngine(ctx);
  try {
    if (zone !== undefined) {
      const chosen = choosePersonTimeZone(engine, ctx.user, zone);
      if (!chosen.ok) throw new UsageError(`--timezone: ${refusalText(chosen)}`);
      rememberExam(ctx, engine);
    }
    const exam = askedExam(ctx, engine);
    const stats = personStats(engine, { personId: ctx.user, guildId: null, ...(exam ? { exam } : {}) });
    if (ctx.values.png !== undefined) {
      // The card's fonts and renderer load only when a picture is asked for.
      const [{ renderCard }, { statsCardData }] = await Promise.all([import('../study/card/index.js'), import('../study/stats-card.js')]);
      writeFileSync(ctx.values.png, renderCard(statsCardData(engine, stats, { personId: ctx.user, guildId: null, name: ctx.user })));
      if (!ctx.values.json) out(`Wrote the stats card to ${ctx.values.png}.`);
    }
    if (ctx.values.json) {
      jsonLine(stats);
      return 0;
    }
    out(bold(`Stats for ${stats.user} · ${stats.exam.short}`));
    out(
      `Answers: ${stats.attempts} · right: ${stats.correct} (${percent(stats.accuracy)}) · streak: ${stats.streak.current} day(s), best ${stats.streak.best}`,
    );
    out();
    out(bold('Mastery by domain') + dim(' (recency-weighted, starts at 50%)'));
    for (const d of stats.domains)
      out(`  ${d.name.slice(0, 56).padEnd(56)} ${bar(d.mastery)} ${percent(d.mastery).padStart(4)} ${dim(`${d.attempts} answers`)}`);
    if (stats.weak.length > 0) {
      out();
      out(bold('Reread first:'));
      for (const w of stats.weak) out(`  ${cyan(w.title)} ${dim(`${w.correct}/${w.attempts} right · tutor quiz --section ${w.section}`)}`);
    }
    return 0;
  } finally {
    engine.close();
  }
}

/** `tutor weak`: the weakest tasks with the bullet to read and the sections to reread. */
export function weakCommand(ctx: CliContext): number {
  const engine = cliEngine(ctx, { readonly: true });
  try {
    const exam = askedExam(ctx, engine);
    const stats = personStats(engine, { personId: ctx.user, guildId: null, weakLimit: 5, ...(exam ? { exam } : {}) });
    if (stats.attempts === 0) {
      out('No answers yet: run `tutor quiz` first, and this will show where to focus.');
      return 0;
    }
    out(bold(`Weakest domains first · ${stats.exam.short}`));
    for (const d of [...stats.domains].sort((a, b) => a.mastery - b.mastery))
      out(
        `  ${d.name.slice(0, 56).padEnd(56)} ${bar(d.mastery)} ${percent(d.mastery).padStart(4)} ${dim(`${d.attempts} answers · tutor quiz --domain ${d.domain}`)}`,
      );
    out();
    if (stats.weakTasks.length === 0) {
      out('No task with a wrong answer yet. Keep going.');
      return 0;
    }
    out(bold('Weakest tasks'));
    for (const t of stats.weakTasks) {
      out(`  ${bold(t.task)} ${t.name} ${dim(`${t.correct}/${t.attempts} right · tutor quiz --task ${t.task}`)}`);
      if (t.bullet) out(`    Read first: ${t.bullet.text}`);
      for (const s of t.sections.slice(0, 3)) out(`    ${cyan(s.title)} ${dim(`tutor lookup "${s.title}"`)}`);
    }
    return 0;
  } finally {
    engine.close();
  }
}
