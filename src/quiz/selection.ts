import type { Question } from './question.js';

export interface SelectionInput {
  /** The questions allowed by the quiz's filters. */
  candidates: readonly Question[];
  /** Cards due now (due <= now) for this person, any order. */
  due: ReadonlyArray<{ questionId: string; due: Date }>;
  /** When the person last answered each question they have seen. */
  lastSeen: ReadonlyMap<string, Date>;
  /** Mastery 0..1 per domain (missing = no data yet). */
  mastery: ReadonlyMap<string, number>;
  /** The question's domain in the exam being studied. */
  domainOf: (question: Question) => string | undefined;
  count: number;
  random: () => number;
}

/** A domain nobody has answered yet is treated as half known. */
const UNKNOWN_MASTERY = 0.5;
/** Even a mastered domain keeps some chance, so a quiz still mixes topics. */
const MIN_WEIGHT = 0.15;

/**
 * The questions this person most needs now, in order, never the same one twice:
 * 1. spaced-repetition cards that are due, most overdue first;
 * 2. unseen questions, drawn at random weighted toward the person's weak domains;
 * 3. then the least recently seen.
 */
export function selectQuestions(input: SelectionInput): Question[] {
  const byId = new Map(input.candidates.map((q) => [q.id, q]));
  const picked: Question[] = [];
  const taken = new Set<string>();
  const take = (q: Question | undefined) => {
    if (!q || taken.has(q.id) || picked.length >= input.count) return;
    taken.add(q.id);
    picked.push(q);
  };

  [...input.due]
    .sort((a, b) => a.due.getTime() - b.due.getTime() || a.questionId.localeCompare(b.questionId))
    .forEach((c) => take(byId.get(c.questionId)));

  const unseen = input.candidates.filter((q) => !input.lastSeen.has(q.id) && !taken.has(q.id));
  const weight = (q: Question) => Math.max(MIN_WEIGHT, 1 - (input.mastery.get(input.domainOf(q) ?? '') ?? UNKNOWN_MASTERY));
  for (const q of weightedSample(unseen, weight, input.count - picked.length, input.random)) take(q);

  input.candidates
    .filter((q) => !taken.has(q.id))
    .sort((a, b) => (input.lastSeen.get(a.id)?.getTime() ?? 0) - (input.lastSeen.get(b.id)?.getTime() ?? 0) || a.id.localeCompare(b.id))
    .forEach(take);
  return picked;
}

/** Weighted sampling without replacement (Efraimidis-Spirakis keys: u^(1/w), largest first). */
export function weightedSample<T>(items: readonly T[], weight: (item: T) => number, count: number, random: () => number): T[] {
  if (count <= 0) return [];
  return items
    .map((item) => ({ item, key: Math.pow(random(), 1 / Math.max(weight(item), 1e-9)) }))
    .sort((a, b) => b.key - a.key)
    .slice(0, count)
    .map((x) => x.item);
}

/** Fisher-Yates with an injectable random source, so draws are reproducible in tests. */
export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
