import type { Exam } from '../knowledge/exams.js';
import type { Question } from './question.js';
import { shuffle } from './selection.js';

/**
 * How many questions each domain gets in an exam of `length`: proportional to the blueprint weights,
 * rounded by largest remainder so the counts add up exactly (65 -> 13/16/23/13 for 20/24/36/20).
 */
export function domainQuota(exam: Exam, length: number): Map<string, number> {
  const total = exam.domains.reduce((s, d) => s + d.weight, 0);
  const exact = exam.domains.map((d) => ({ id: d.id, exact: (length * d.weight) / total }));
  const quota = new Map(exact.map((d) => [d.id, Math.floor(d.exact)]));
  let left = length - [...quota.values()].reduce((s, n) => s + n, 0);
  for (const d of [...exact].sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)) || a.id.localeCompare(b.id))) {
    if (left-- <= 0) break;
    quota.set(d.id, quota.get(d.id)! + 1);
  }
  return quota;
}

/**
 * Draws a mock exam: each domain's share by weight, spread over its tasks in turn (so a short exam
 * still touches every task it can), never two questions that give each other away (`apart`). A domain
 * short of questions is topped up from the others.
 */
export function drawExam(questions: readonly Question[], exam: Exam, length: number, random: () => number): Question[] {
  const serving = questions.filter((q) => q.exams[exam.code] !== undefined);
  const n = Math.min(length, serving.length);
  const pool = shuffle(serving, random);
  const picked: Question[] = [];
  const blocked = new Set<string>();
  const take = (q: Question): boolean => {
    if (blocked.has(q.id)) return false;
    picked.push(q);
    blocked.add(q.id);
    for (const other of q.apart) blocked.add(other);
    // `apart` is written on one side of a pair; block the pair from both sides.
    for (const other of serving) if (other.apart.includes(q.id)) blocked.add(other.id);
    return true;
  };
  for (const [domain, want] of domainQuota(exam, n)) {
    const byTask = new Map<string, Question[]>();
    for (const q of pool) {
      const placement = q.exams[exam.code]!;
      if (placement.domain === domain) byTask.set(placement.task, [...(byTask.get(placement.task) ?? []), q]);
    }
    const queues = shuffle([...byTask.values()], random);
    let got = 0;
    while (got < want && queues.some((queue) => queue.length > 0)) {
      for (const queue of queues) {
        if (got >= want) break;
        let q = queue.shift();
        while (q && blocked.has(q.id)) q = queue.shift();
        if (q && take(q)) got++;
      }
    }
  }
  for (const q of pool) {
    if (picked.length >= n) break;
    if (!blocked.has(q.id)) take(q);
  }
  return shuffle(picked, random);
}
