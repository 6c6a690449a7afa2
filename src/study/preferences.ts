import { isTimeZone } from '../config.js';
import type { Engine } from '../core/engine.js';
import { getGuildSettings, upsertGuildSettings } from '../db/guild-settings.js';
import { getPerson, setPersonExam, setPersonTimeZone } from '../db/people.js';
import type { Exam } from '../knowledge/exams.js';
import { refuse, type Refusal } from './refusal.js';

/**
 * The one owner of "which zone" and "which exam": a person's own choice wins, then their server's,
 * then the configured default (DEFAULT_TIMEZONE, DEFAULT_EXAM). Streaks, stats, quizzes and mock exams
 * all ask here.
 */
export function zoneFor(engine: Engine, personId: string, guildId: string | null): string {
  return getPerson(engine.store, personId)?.timeZone ?? guildZone(engine, guildId);
}

/** The server's zone (set with its daily question), else the default. */
export function guildZone(engine: Engine, guildId: string | null): string {
  return (guildId ? getGuildSettings(engine.store, guildId)?.timeZone : undefined) ?? engine.defaults.timeZone;
}

export function examFor(engine: Engine, personId: string, guildId: string | null): Exam {
  return known(engine, getPerson(engine.store, personId)?.exam) ?? guildExam(engine, guildId);
}

/** The server's exam (its daily question comes from it), else the default. */
export function guildExam(engine: Engine, guildId: string | null): Exam {
  return known(engine, guildId ? getGuildSettings(engine.store, guildId)?.exam : undefined) ?? defaultExam(engine);
}

export function defaultExam(engine: Engine): Exam {
  return known(engine, engine.defaults.exam) ?? [...engine.content.exams.values()][0]!;
}

/** An exam that was chosen once may have left the content since: then the next choice in line applies. */
function known(engine: Engine, code: string | null | undefined): Exam | undefined {
  return code ? engine.content.exams.get(code) : undefined;
}

export function findExam(engine: Engine, code: string): Exam | Extract<Refusal, { reason: 'unknown' }> {
  return engine.content.exams.get(code) ?? refuse('unknown', { subject: 'exam', value: code, valid: [...engine.content.exams.keys()] });
}

/** A person's own exam; null goes back to the server's. */
export function choosePersonExam(engine: Engine, personId: string, code: string | null): { ok: true; exam: Exam } | Refusal {
  if (code !== null) {
    const exam = findExam(engine, code);
    if ('ok' in exam) return exam;
  }
  setPersonExam(engine.store, personId, code, engine.clock.now());
  return { ok: true, exam: examFor(engine, personId, null) };
}

/** A server's exam: its daily question and everyone who chose none study it. A domain filter of the old exam is dropped. */
export function chooseGuildExam(engine: Engine, guildId: string, code: string): { ok: true; exam: Exam } | Refusal {
  const exam = findExam(engine, code);
  if ('ok' in exam) return exam;
  const before = getGuildSettings(engine.store, guildId);
  const keepsDomain = before?.domain && exam.domains.some((d) => d.id === before.domain);
  upsertGuildSettings(engine.store, guildId, { exam: exam.code, ...(keepsDomain ? {} : { domain: null }) }, engine.clock.now());
  return { ok: true, exam };
}

export function choosePersonTimeZone(engine: Engine, personId: string, zone: string): { ok: true; zone: string } | Refusal {
  if (!isTimeZone(zone)) return refuse('unknown', { subject: 'time-zone', value: zone, valid: [] });
  setPersonTimeZone(engine.store, personId, zone, engine.clock.now());
  return { ok: true, zone };
}
