import { eq, sql } from 'drizzle-orm';
import { isTimeZone } from '../config.js';
import type { Database, Db } from './connection.js';
import { preparedOnce } from './prepared.js';
import { people } from './schema.js';

export type Person = typeof people.$inferSelect;

/** Id of the single person who studies in the terminal. */
export const LOCAL_PERSON_ID = 'local';

const insertIfMissing = (db: Db) =>
  db
    .insert(people)
    .values({ id: sql.placeholder('id'), createdAt: sql.placeholder('createdAt') })
    .onConflictDoNothing()
    .prepare();

const selectPerson = (db: Db) =>
  db
    .select()
    .from(people)
    .where(eq(people.id, sql.placeholder('id')))
    .prepare();

/** Creates the person on first sight; an existing row is left as it is. */
export function ensurePerson(store: Database, id: string, now: Date): void {
  preparedOnce(store, insertIfMissing).run({ id, createdAt: now });
}

export function getPerson(store: Database, id: string): Person | null {
  return preparedOnce(store, selectPerson).get({ id }) ?? null;
}

/**
 * Sets (or, with null, clears) the person's own time zone; it then wins over the guild's for streaks.
 * Throws on a name Intl does not know: stored, it would break every later answer of that person.
 */
export function setPersonTimeZone(store: Database, id: string, timeZone: string | null, now: Date): void {
  if (timeZone !== null && !isTimeZone(timeZone)) throw new Error(`not an IANA time zone: "${timeZone}"`);
  store.db.insert(people).values({ id, timeZone, createdAt: now }).onConflictDoUpdate({ target: people.id, set: { timeZone } }).run();
}

/** Sets (or, with null, clears) the exam the person studies for; it then wins over the server's. */
export function setPersonExam(store: Database, id: string, exam: string | null, now: Date): void {
  store.db.insert(people).values({ id, exam, createdAt: now }).onConflictDoUpdate({ target: people.id, set: { exam } }).run();
}
