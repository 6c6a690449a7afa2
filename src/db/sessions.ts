import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull, lte, sql } from 'drizzle-orm';
import * as z from 'zod';
import type { Database, Db } from './connection.js';
import { preparedOnce } from './prepared.js';
import { ensurePerson } from './people.js';
import { sessions } from './schema.js';

export const sessionOptionsSchema = z.looseObject({
  /** The exam the session follows (sessions from before exams were recorded have none). */
  exam: z.string().optional(),
  domain: z.string().optional(),
  task: z.string().optional(),
  section: z.string().optional(),
  mode: z.string().optional(),
  count: z.number().int().positive().optional(),
});
export type SessionOptions = z.infer<typeof sessionOptionsSchema>;

const questionIdsSchema = z.array(z.string());
const answersSchema = z.array(z.string().nullable());

export type SessionKind = 'quiz' | 'exam';

/** A personal quiz or mock exam, with its JSON columns parsed. */
export interface Session {
  id: string;
  personId: string;
  guildId: string | null;
  kind: SessionKind;
  questionIds: string[];
  /** Chosen letters per position; null = not answered (yet). */
  answers: (string | null)[];
  position: number;
  options: SessionOptions;
  startedAt: Date;
  deadline: Date | null;
  finishedAt: Date | null;
  /** Written by the quiz / exam code, which validates its own shape. */
  result: unknown;
}

export interface NewSession {
  personId: string;
  guildId: string | null;
  kind: SessionKind;
  questionIds: string[];
  options?: SessionOptions;
  deadline?: Date | null;
}

type SessionRow = typeof sessions.$inferSelect;

function fromRow(row: SessionRow): Session {
  return {
    id: row.id,
    personId: row.personId,
    guildId: row.guildId,
    kind: row.kind,
    questionIds: questionIdsSchema.parse(JSON.parse(row.questionIds)),
    answers: answersSchema.parse(JSON.parse(row.answers)),
    position: row.position,
    options: sessionOptionsSchema.parse(JSON.parse(row.options)),
    startedAt: row.startedAt,
    deadline: row.deadline,
    finishedAt: row.finishedAt,
    result: row.result === null ? null : (JSON.parse(row.result) as unknown),
  };
}

/** Short enough for a Discord custom id, random enough not to be guessed or to collide. */
function newSessionId(): string {
  return randomBytes(9).toString('base64url');
}

export function createSession(store: Database, input: NewSession, now: Date): Session {
  return store.sqlite
    .transaction((): Session => {
      ensurePerson(store, input.personId, now);
      const row = store.db
        .insert(sessions)
        .values({
          id: newSessionId(),
          personId: input.personId,
          guildId: input.guildId,
          kind: input.kind,
          questionIds: JSON.stringify(input.questionIds),
          answers: JSON.stringify(input.questionIds.map(() => null)),
          position: 0,
          options: JSON.stringify(sessionOptionsSchema.parse(input.options ?? {})),
          startedAt: now,
          deadline: input.deadline ?? null,
        })
        .returning()
        .get();
      return fromRow(row);
    })
    .immediate();
}

// Read on every quiz and exam click: prepared once per connection.
const selectSession = (db: Db) =>
  db
    .select()
    .from(sessions)
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare();

export function getSession(store: Database, id: string): Session | null {
  const row = preparedOnce(store, selectSession).get({ id });
  return row ? fromRow(row) : null;
}

/** The person's most recent unfinished session of that kind, to resume after a restart. */
// Every /quiz and /exam asks this first: prepared once per connection.
const selectLatestOpen = (db: Db) =>
  db
    .select()
    .from(sessions)
    .where(and(eq(sessions.personId, sql.placeholder('personId')), eq(sessions.kind, sql.placeholder('kind')), isNull(sessions.finishedAt)))
    .orderBy(desc(sessions.startedAt))
    .limit(1)
    .prepare();

export function latestOpenSession(store: Database, personId: string, kind: SessionKind): Session | null {
  const row = preparedOnce(store, selectLatestOpen).get({ personId, kind });
  return row ? fromRow(row) : null;
}

export function saveSessionProgress(store: Database, id: string, answers: (string | null)[], position: number): void {
  store.db
    .update(sessions)
    .set({ answers: JSON.stringify(answers), position })
    .where(eq(sessions.id, id))
    .run();
}

/** Marks the session finished with its result; a second call (double click on "finish") keeps the first. */
export function finishSession(store: Database, id: string, result: unknown, now: Date): boolean {
  const done = store.db
    .update(sessions)
    .set({ finishedAt: now, result: JSON.stringify(result ?? null) })
    .where(and(eq(sessions.id, id), isNull(sessions.finishedAt)))
    .run();
  return done.changes > 0;
}

/** Exams still open after their deadline: the bot submits them even if their owner never comes back. */
export function expiredOpenExams(store: Database, now: Date): Session[] {
  return (
    store.db
      .select()
      .from(sessions)
      // Written literally (not bound) so SQLite can use the partial index sessions_open_deadline_idx.
      .where(and(sql`${sessions.kind} = 'exam'`, isNull(sessions.finishedAt), lte(sessions.deadline, now)))
      .all()
      .map(fromRow)
  );
}
