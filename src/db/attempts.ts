import { and, desc, eq, gte, sql } from 'drizzle-orm';
import type { Database, Db } from './connection.js';
import { preparedOnce, preparedSql } from './prepared.js';
import { attempts } from './schema.js';

export type Attempt = typeof attempts.$inferSelect;
export type NewAttempt = Omit<typeof attempts.$inferInsert, 'id'>;
export type AttemptSource = Attempt['source'];

// Raw SQL on the answer path: drizzle's placeholder mapping costs ~8 µs a call, a tenth of an answer.
const INSERT_UNLESS_DELIVERED = `
  INSERT INTO attempts (person_id, guild_id, question_id, section_id, domain, chosen, correct, source,
                        source_ref, step, duration_ms, answered_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (source, source_ref, person_id, step) DO NOTHING
  RETURNING id`;

const selectByDeliveryKey = (db: Db) =>
  db
    .select()
    .from(attempts)
    .where(
      and(
        eq(attempts.personId, sql.placeholder('personId')),
        eq(attempts.source, sql.placeholder('source')),
        eq(attempts.sourceRef, sql.placeholder('sourceRef')),
        eq(attempts.step, sql.placeholder('step')),
      ),
    )
    .prepare();

/** Inserts an attempt unless its delivery key (person, source, ref, step) exists; null means duplicate. */
export function insertAttempt(store: Database, attempt: NewAttempt): Attempt | null {
  const stored: Omit<Attempt, 'id'> = {
    ...attempt,
    guildId: attempt.guildId ?? null,
    durationMs: attempt.durationMs ?? null,
  };
  const row = preparedSql(store, INSERT_UNLESS_DELIVERED).get(
    stored.personId,
    stored.guildId,
    stored.questionId,
    stored.sectionId,
    stored.domain,
    stored.chosen,
    stored.correct ? 1 : 0,
    stored.source,
    stored.sourceRef,
    stored.step,
    stored.durationMs,
    stored.answeredAt.getTime(),
  ) as { id: number } | undefined;
  return row ? { id: row.id, ...stored } : null;
}

export function findAttempt(
  store: Database,
  key: { personId: string; source: AttemptSource; sourceRef: string; step: number },
): Attempt | null {
  const { personId, source, sourceRef, step } = key;
  return preparedOnce(store, selectByDeliveryKey).get({ personId, source, sourceRef, step }) ?? null;
}

/** When the person last answered each question they have seen (for "least recently seen" selection). */
// Read at every quiz start: prepared once per connection.
const selectLastSeen = (db: Db) =>
  db
    .select({ questionId: attempts.questionId, at: sql<number>`max(${attempts.answeredAt})` })
    .from(attempts)
    .where(eq(attempts.personId, sql.placeholder('personId')))
    .groupBy(attempts.questionId)
    .prepare();

export function lastSeenByQuestion(store: Database, personId: string): Map<string, Date> {
  const rows = preparedOnce(store, selectLastSeen).all({ personId });
  return new Map(rows.map((row) => [row.questionId, new Date(row.at)]));
}

/**
 * Questions whose latest answer by this person was wrong, most recent first ("missed" mode).
 * A question answered wrong and later right is no longer missed.
 */
export function recentlyMissedQuestionIds(store: Database, personId: string, limit = 50): string[] {
  const rows = store.db.all<{ question_id: string }>(sql`
    SELECT question_id FROM (
      SELECT question_id, max(answered_at) AS last_at, correct
      FROM attempts WHERE person_id = ${personId} GROUP BY question_id
    )
    WHERE correct = 0
    ORDER BY last_at DESC, question_id
    LIMIT ${limit}`);
  return rows.map((row) => row.question_id);
}

export interface PersonTotals {
  attempts: number;
  correct: number;
  lastAnsweredAt: Date | null;
}

/** Everything the person ever answered, in any guild or the terminal. */
export function personTotals(store: Database, personId: string): PersonTotals {
  const row = store.db
    .select({
      attempts: sql<number>`count(*)`,
      correct: sql<number>`coalesce(sum(${attempts.correct}), 0)`,
      last: sql<number | null>`max(${attempts.answeredAt})`,
    })
    .from(attempts)
    .where(eq(attempts.personId, personId))
    .get();
  return {
    attempts: row?.attempts ?? 0,
    correct: row?.correct ?? 0,
    lastAnsweredAt: row?.last == null ? null : new Date(row.last),
  };
}

export interface AnswerRecord {
  questionId: string;
  sectionId: string;
  domain: string;
  correct: boolean;
  answeredAt: Date;
}

/** The person's answers, newest first, as plain rows for mastery and stats. */
export function answerHistory(store: Database, personId: string, since?: Date): AnswerRecord[] {
  return store.db
    .select({
      questionId: attempts.questionId,
      sectionId: attempts.sectionId,
      domain: attempts.domain,
      correct: attempts.correct,
      answeredAt: attempts.answeredAt,
    })
    .from(attempts)
    .where(since ? and(eq(attempts.personId, personId), gte(attempts.answeredAt, since)) : eq(attempts.personId, personId))
    .orderBy(desc(attempts.answeredAt), desc(attempts.id))
    .all();
}
