import { and, asc, eq, lte } from 'drizzle-orm';
import type { Card } from 'ts-fsrs';
import type { Database } from './connection.js';
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

export function getCard(store: Database, personId: string, questionId: string): Card | null {
  const row = store.db
    .select()
    .from(cards)
    .where(and(eq(cards.personId, personId), eq(cards.questionId, questionId)))
    .get();
  return row ? toCard(row) : null;
}

export function saveCard(store: Database, personId: string, questionId: string, card: Card): void {
  const values = {
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
  };
  store.db
    .insert(cards)
    .values({ personId, questionId, ...values })
    .onConflictDoUpdate({ target: [cards.personId, cards.questionId], set: values })
    .run();
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
