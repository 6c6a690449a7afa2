import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { Card } from 'ts-fsrs';
import type { Database, Db } from './connection.js';
import { preparedOnce, preparedSql } from './prepared.js';
import { cards } from './schema.js';

export interface StoredCard {
  questionId: string;
  card: Card;
}

type CardRow = typeof cards.$inferSelect;

function toCard(row: CardRow): Card {
  return {
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    elapsed_days: row.elapsedDays,
    scheduled_days: row.scheduledDays,
    learning_steps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    state: row.state,
    ...(row.lastReview ? { last_review: row.lastReview } : {}),
  };
}

const selectCard = (db: Db) =>
  db
    .select()
    .from(cards)
    .where(and(eq(cards.personId, sql.placeholder('personId')), eq(cards.questionId, sql.placeholder('questionId'))))
    .prepare();

// Raw SQL on the answer path: drizzle's placeholder mapping costs ~8 µs a call, a tenth of an answer.
const UPSERT_CARD = `
  INSERT INTO cards (person_id, question_id, due, stability, difficulty, elapsed_days, scheduled_days,
                     learning_steps, reps, lapses, state, last_review)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (person_id, question_id) DO UPDATE SET
    due = excluded.due, stability = excluded.stability, difficulty = excluded.difficulty,
    elapsed_days = excluded.elapsed_days, scheduled_days = excluded.scheduled_days,
    learning_steps = excluded.learning_steps, reps = excluded.reps, lapses = excluded.lapses,
    state = excluded.state, last_review = excluded.last_review`;

export function getCard(store: Database, personId: string, questionId: string): Card | null {
  const row = preparedOnce(store, selectCard).get({ personId, questionId });
  return row ? toCard(row) : null;
}

export function saveCard(store: Database, personId: string, questionId: string, card: Card): void {
  preparedSql(store, UPSERT_CARD).run(
    personId,
    questionId,
    card.due.getTime(),
    card.stability,
    card.difficulty,
    card.elapsed_days,
    card.scheduled_days,
    card.learning_steps,
    card.reps,
    card.lapses,
    card.state,
    card.last_review?.getTime() ?? null,
  );
}

export function cardsForPerson(store: Database, personId: string): StoredCard[] {
  return store.db
    .select()
    .from(cards)
    .where(eq(cards.personId, personId))
    .all()
    .map((row) => ({ questionId: row.questionId, card: toCard(row) }));
}

/** Cards due at `at`, most overdue first. */
// Read at every quiz start: prepared once per connection.
const selectDue = (db: Db) =>
  db
    .select()
    .from(cards)
    .where(and(eq(cards.personId, sql.placeholder('personId')), lte(cards.due, sql.placeholder('at'))))
    .orderBy(asc(cards.due), asc(cards.questionId))
    .limit(sql.placeholder('limit'))
    .prepare();

export function dueCards(store: Database, personId: string, at: Date, limit = 1000): StoredCard[] {
  return preparedOnce(store, selectDue)
    .all({ personId, at: at.getTime(), limit })
    .map((row) => ({ questionId: row.questionId, card: toCard(row) }));
}
