import type { Blueprint } from '../knowledge/blueprint.js';
import type { Question } from './question.js';
import { shuffle } from './selection.js';

/**
 * How many questions each domain gets in an exam of `length`: proportional to the blueprint weights,
 * rounded by largest remainder so the counts add up exactly (65 -> 13/16/23/13 for 20/24/36/20).
 */
export function domainQuota(blueprint: Blueprint, length: number): Map<string, number> {
  const total = blueprint.domains.reduce((s, d) => s + d.weight, 0);
  const exact = blueprint.domains.map((d) => ({ id: d.id, exact: (length * d.weight) / total }));
  const quota = new Map(exact.map((d) => [d.id, Math.floor(d.exact)]));
  let left = length - [...quota.values()].reduce((s, n) => s + n, 0);
  for (const d of [...exact].sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)) || a.id.localeCompare(b.id))) {
    if (left-- <= 0) break;
    quota.set(d.id, quota.get(d.id)! + 1);
  }
  return quota;
}

/** Draws a mock exam by domain weight; a domain short of questions is topped up from the others. */
export function drawExam(questions: readonly Question[], blueprint: Blueprint, length: number, random: () => number): Question[] {
  const n = Math.min(length, questions.length);
  const quota = domainQuota(blueprint, n);
  const pool = shuffle(questions, random);
  const picked: Question[] = [];
  for (const [domain, want] of quota) picked.push(...pool.filter((q) => q.domain === domain).slice(0, want));
  const chosen = new Set(picked.map((q) => q.id));
  picked.push(...pool.filter((q) => !chosen.has(q.id)).slice(0, n - picked.length));
  return shuffle(picked, random);
}
