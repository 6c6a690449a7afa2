import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { Card } from 'ts-fsrs';
import type { Database, Db } from './connection.js';
import { preparedOnce } from './prepared.js';
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

const upsertCard = (db: Db) =>
  db
    .insert(cards)
    .values({
      personId: sql.placeholder('personId'),
      questionId: sql.placeholder('questionId'),
      due: sql.placeholder('due'),
      stability: sql.placeholder('stability'),
      difficulty: sql.placeholder('difficulty'),
      elapsedDays: sql.placeholder('elapsedDays'),
      scheduledDays: sql.placeholder('scheduledDays'),
      learningSteps: sql.placeholder('learningSteps'),
      reps: sql.placeholder('reps'),
      lapses: sql.placeholder('lapses'),
      state: sql.placeholder('state'),
      lastReview: sql.placeholder('lastReview'),
    })
    .onConflictDoUpdate({
      target: [cards.personId, cards.questionId],
      set: {
        due: sql`excluded.due`,
        stability: sql`excluded.stability`,
        difficulty: sql`excluded.difficulty`,
        elapsedDays: sql`excluded.elapsed_days`,
        scheduledDays: sql`excluded.scheduled_days`,
        learningSteps: sql`excluded.learning_steps`,
        reps: sql`excluded.reps`,
        lapses: sql`excluded.lapses`,
        state: sql`excluded.state`,
        lastReview: sql`excluded.last_review`,
      },
    })
    .prepare();

export function getCard(store: Database, personId: string, questionId: string): Card | null {
  const row = preparedOnce(store, selectCard).get({ personId, questionId });
  return row ? toCard(row) : null;
}

export function saveCard(store: Database, personId: string, questionId: string, card: Card): void {
  preparedOnce(store, upsertCard).run({
    personId,
    questionId,
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ?? null,
  });
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
export function dueCards(store: Database, personId: string, at: Date, limit = 1000): StoredCard[] {
  return store.db
    .select()
    .from(cards)
    .where(and(eq(cards.personId, personId), lte(cards.due, at)))
    .orderBy(asc(cards.due), asc(cards.questionId))
    .limit(limit)
    .all()
    .map((row) => ({ questionId: row.questionId, card: toCard(row) }));
}
