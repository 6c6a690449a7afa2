import type BetterSqlite3 from 'better-sqlite3';
import type { Clock } from '../core/clock.js';
import { findAttempt, insertAttempt, type Attempt, type AttemptSource } from '../db/attempts.js';
import { trackedPeriodsAt } from '../db/board-periods.js';
import { getCard, saveCard } from '../db/cards.js';
import type { Database } from '../db/connection.js';
import { addToMemberTotals } from '../db/member-totals.js';
import { ensurePerson, getPerson } from '../db/people.js';
import { getStreak, saveStreak } from '../db/streaks.js';
import { localDate } from '../progress/calendar.js';
import { pointsFor } from '../progress/points.js';
import { ratingFor, reviewCard } from '../progress/scheduling.js';
import { applyStudyDay, currentStreak, type StreakView } from '../progress/streak.js';

export interface AnswerInput {
  personId: string;
  /** null = the terminal: no guild board is touched. */
  guildId: string | null;
  /** The zone the study day counts in (preferences.ts decides it). */
  zone: string;
  questionId: string;
  sectionId: string;
  domain: string;
  /** Chosen letters in any order ("CA" is stored as "AC"). */
  chosen: string;
  correct: boolean;
  source: AttemptSource;
  /** Session id, or the daily post id. */
  sourceRef: string;
  step: number;
  durationMs: number | null;
  fastThresholdMs: number;
}

export type RecordAnswerResult =
  { duplicate: true; attempt: Attempt } | { duplicate: false; attempt: Attempt; streak: StreakView; cardDue: Date; points: number };

/** Letters upper-cased, deduplicated and sorted, so "ca", "AC" and "CA" are one answer. */
export function normalizeChoice(chosen: string): string {
  return [...new Set(chosen.toUpperCase().replace(/[^A-Z]/g, ''))].sort().join('');
}

/**
 * Stores one answer and everything that follows from it, all or nothing. A redelivered answer (same
 * person, source, ref and step: a double click, a retried interaction) changes nothing and returns the
 * attempt stored the first time.
 */
export function recordAnswer(store: Database, input: AnswerInput, clock: Clock): RecordAnswerResult {
  // IMMEDIATE: take the write lock up front, so two processes never both read the card and then clash.
  return transactionFor(store).immediate(input, clock.now());
}

type RecordTransaction = BetterSqlite3.Transaction<(input: AnswerInput, now: Date) => RecordAnswerResult>;
const transactions = new WeakMap<Database, RecordTransaction>();

// better-sqlite3 builds four wrapper functions per transaction() call (~13 µs): once per connection.
function transactionFor(store: Database): RecordTransaction {
  let transaction = transactions.get(store);
  if (!transaction) {
    transaction = store.sqlite.transaction((input: AnswerInput, now: Date) => record(store, input, now));
    transactions.set(store, transaction);
  }
  return transaction;
}

function record(store: Database, input: AnswerInput, now: Date): RecordAnswerResult {
  // Read first: the person almost always exists, and a read is cheaper than an INSERT OR IGNORE.
  const person = getPerson(store, input.personId);
  if (!person) ensurePerson(store, input.personId, now);
  const attempt = insertAttempt(store, {
    personId: input.personId,
    guildId: input.guildId,
    questionId: input.questionId,
    sectionId: input.sectionId,
    domain: input.domain,
    chosen: normalizeChoice(input.chosen),
    correct: input.correct,
    source: input.source,
    sourceRef: input.sourceRef,
    step: input.step,
    durationMs: input.durationMs,
    answeredAt: now,
  });
  if (!attempt) {
    const existing = findAttempt(store, input);
    if (!existing) throw new Error('attempt conflicted but cannot be found');
    return { duplicate: true, attempt: existing };
  }

  const card = reviewCard(getCard(store, input.personId, input.questionId), ratingFor(input), now);
  saveCard(store, input.personId, input.questionId, card);

  const day = localDate(now, input.zone);
  const before = getStreak(store, input.personId);
  const after = applyStudyDay(before, day);
  if (after !== before) saveStreak(store, input.personId, after);

  if (input.guildId !== null) {
    const inPeriod = trackedPeriodsAt(store, input.guildId, now);
    addToMemberTotals(store, input.guildId, input.personId, input.correct, inPeriod);
  }

  return {
    duplicate: false,
    attempt,
    streak: currentStreak(after, day),
    cardDue: card.due,
    points: input.guildId === null ? 0 : pointsFor(input.correct),
  };
}
