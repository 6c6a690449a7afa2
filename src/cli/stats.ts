import { bar, percent } from '../format.js';
import { personStats } from '../progress/stats.js';
import { openEngine } from './engine.js';
import { isTimeZone } from '../config.js';
import { setPersonTimeZone } from '../db/people.js';
import { bold, cyan, dim, jsonLine, out, UsageError } from './io.js';
import type { CliContext } from './main.js';

/** `tutor stats [--json]`: the same figures as /stats. */
export function statsCommand(ctx: CliContext): number {
  const zone = ctx.values.timezone;
  if (zone !== undefined && !isTimeZone(zone)) throw new UsageError(`--timezone "${zone}" is not an IANA time zone such as Europe/Berlin`);
  const engine = openEngine(ctx, { readonly: zone === undefined });
  try {
    if (zone) setPersonTimeZone(engine.store, ctx.user, zone, engine.clock.now());
    const stats = personStats(engine, ctx.user);
    if (ctx.values.json) {
      jsonLine({
        ...stats,
        domains: stats.domains.map(({ domain, attempts, accuracy, mastery }) => ({ domain, attempts, accuracy, mastery })),
      });
      return 0;
    }
    out(bold(`Stats for ${stats.user}`));
    out(`Answers: ${stats.attempts} · right: ${stats.correct} (${percent(stats.accuracy)}) · streak: ${stats.streak.current} day(s), best ${stats.streak.best}`);
    out();
    out(bold('Mastery by domain') + dim(' (recency-weighted, starts at 50%)'));
    for (const d of stats.domains) out(`  ${d.name.padEnd(48)} ${bar(d.mastery)} ${percent(d.mastery).padStart(4)} ${dim(`${d.attempts} answers`)}`);
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

/** `tutor weak`: weakest domains and the sections to reread, with the commands to act on them. */
export function weakCommand(ctx: CliContext): number {
  const engine = openEngine(ctx, { readonly: true });
  try {
    const stats = personStats(engine, ctx.user, null, 10);
    if (stats.attempts === 0) {
      out('No answers yet: run `tutor quiz` first, and this will show where to focus.');
      return 0;
    }
    out(bold('Weakest domains first'));
    for (const d of [...stats.domains].sort((a, b) => a.mastery - b.mastery))
      out(`  ${d.name.padEnd(48)} ${bar(d.mastery)} ${percent(d.mastery).padStart(4)} ${dim(`${d.attempts} answers · tutor quiz --domain ${d.domain}`)}`);
    out();
    if (stats.weak.length === 0) out('No section with a wrong answer yet. Keep going.');
    else {
      out(bold('Sections to reread'));
      for (const w of stats.weak) out(`  ${cyan(w.title)} ${dim(`(${w.section}) ${w.correct}/${w.attempts} right`)}\n    tutor lookup "${w.title}" · tutor quiz --section ${w.section}`);
    }
    return 0;
  } finally {
    engine.close();
  }
}
