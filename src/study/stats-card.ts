import type { Engine } from '../core/engine.js';
import { answerHistory } from '../db/attempts.js';
import { addDays, localDate } from '../progress/calendar.js';
import { ACTIVITY_DAYS, type CardData } from './card/index.js';
import { zoneFor } from './preferences.js';
import type { PersonStats } from './stats.js';

/** What the stats card shows of a person: their stats, readiness and 12 weeks of activity by local day. */
export function statsCardData(
  engine: Engine,
  stats: PersonStats,
  input: { personId: string; guildId: string | null; name: string },
): CardData {
  const zone = zoneFor(engine, input.personId, input.guildId);
  const today = localDate(engine.clock.now(), zone);
  const first = addDays(today, -(ACTIVITY_DAYS - 1));
  const perDay = new Map<string, number>();
  for (const a of answerHistory(engine.store, input.personId, new Date(engine.clock.now().getTime() - (ACTIVITY_DAYS + 1) * 86_400_000))) {
    const day = localDate(a.answeredAt, zone);
    if (day >= first) perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  const r = stats.readiness;
  return {
    name: input.name,
    exam: { short: stats.exam.short, name: stats.exam.name },
    readiness: {
      enough: r.enough,
      score: r.score,
      low: r.low,
      high: r.high,
      passProbability: r.pass_probability,
      pass: r.pass,
      min: r.min,
      max: r.max,
      needed: r.enough ? null : r.needed,
      hint: r.enough
        ? r.raise[0]
          ? `Raise it most with ${r.raise[0].task} ${r.raise[0].name}`
          : null
        : r.needed_mostly
          ? `Mostly in ${r.needed_mostly}`
          : null,
    },
    streak: stats.streak,
    domains: stats.domains.slice(0, 6).map((d) => ({ name: d.name, mastery: d.mastery, attempts: d.attempts })),
    weakTasks: stats.weakTasks.slice(0, 3).map((t) => ({ task: t.task, name: t.name, mastery: t.mastery })),
    activity: Array.from({ length: ACTIVITY_DAYS }, (_, i) => {
      const day = addDays(first, i);
      return { day, answers: perDay.get(day) ?? 0 };
    }),
  };
}
