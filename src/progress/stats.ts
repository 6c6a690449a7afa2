import { answerHistory } from '../db/attempts.js';
import { getPerson } from '../db/people.js';
import { getStreak } from '../db/streaks.js';
import type { Engine } from '../engine.js';
import { localDate } from './calendar.js';
import { domainMastery, weakSections } from './mastery.js';
import { currentStreak } from './streak.js';

export interface PersonStats {
  user: string;
  attempts: number;
  correct: number;
  accuracy: number | null;
  streak: { current: number; best: number };
  domains: Array<{ domain: string; name: string; attempts: number; accuracy: number | null; mastery: number }>;
  weak: Array<{ section: string; title: string; domain: string; attempts: number; correct: number; mastery: number }>;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** The study zone of a person: their own, else the guild's, else UTC. */
export function personTimeZone(engine: Engine, personId: string, guildTimeZone?: string | null): string {
  return getPerson(engine.store, personId)?.timeZone ?? guildTimeZone ?? 'UTC';
}

/** A person's streak, accuracy and per-domain mastery, and the sections they should reread. */
export function personStats(engine: Engine, personId: string, guildTimeZone?: string | null, weakLimit = 5): PersonStats {
  const now = engine.clock.now();
  const history = answerHistory(engine.store, personId);
  const correct = history.filter((a) => a.correct).length;
  const today = localDate(now, personTimeZone(engine, personId, guildTimeZone));
  const { blueprint, sections } = engine.content;
  const titles = new Map(sections.map((s) => [s.id, s.title]));
  const streak = currentStreak(getStreak(engine.store, personId), today);
  return {
    user: personId,
    attempts: history.length,
    correct,
    accuracy: history.length === 0 ? null : round(correct / history.length),
    streak: { current: streak.current, best: streak.best },
    domains: domainMastery(history, now, blueprint.domains.map((d) => d.id)).map((m) => ({
      domain: m.domain,
      name: blueprint.domains.find((d) => d.id === m.domain)?.name ?? m.domain,
      attempts: m.attempts,
      accuracy: m.accuracy === null ? null : round(m.accuracy),
      mastery: round(m.mastery),
    })),
    weak: weakSections(history, now, weakLimit).map((w) => ({
      section: w.sectionId,
      title: titles.get(w.sectionId) ?? w.sectionId,
      domain: w.domain,
      attempts: w.attempts,
      correct: w.correct,
      mastery: round(w.mastery),
    })),
  };
}
