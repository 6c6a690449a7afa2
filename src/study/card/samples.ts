/**
 * Sample cards for previews, the tests and the bench: a new member with no answers, a typical one,
 * and one at every extreme (longest texts, largest numbers, scores at both ends of the scale).
 */
import { ACTIVITY_DAYS, type CardData } from './card-data.js';

const TODAY = '2026-03-18'; // a Wednesday: the last week of the heatmap is partly in the future

/** ACTIVITY_DAYS local days ending on `today`, with answers from a function of the day's index. */
export function sampleActivity(today: string, answers: (index: number) => number): CardData['activity'] {
  const last = Date.parse(`${today}T00:00:00Z`);
  return Array.from({ length: ACTIVITY_DAYS }, (_, i) => ({
    day: new Date(last - (ACTIVITY_DAYS - 1 - i) * 86_400_000).toISOString().slice(0, 10),
    answers: answers(i),
  }));
}

/** A fixed pseudo-random pattern: some days off, most days a handful of answers, a few long sessions. */
function studyPattern(i: number): number {
  const r = (i * 7919 + 104_729) % 97;
  if (r < 22) return 0;
  if (r > 90) return 30 + (r % 12);
  return 1 + (r % 17);
}

const MLS = { short: 'MLS-C01', name: 'AWS Certified Machine Learning – Specialty' };
const MLS_DOMAINS = ['Data Engineering', 'Exploratory Data Analysis', 'Modeling', 'Machine Learning Implementation and Operations'];

export const SAMPLE_CARDS = {
  empty: {
    name: 'New Member',
    exam: MLS,
    readiness: {
      enough: false,
      score: null,
      low: null,
      high: null,
      passProbability: null,
      pass: 750,
      min: 100,
      max: 1000,
      needed: 34,
      hint: 'Answer questions from every domain with /quiz to get a predicted score.',
    },
    streak: { current: 0, best: 0 },
    domains: MLS_DOMAINS.map((name) => ({ name, mastery: 0.5, attempts: 0 })),
    weakTasks: [],
    activity: sampleActivity(TODAY, () => 0),
  },
  typical: {
    name: 'Priya Raman',
    exam: MLS,
    readiness: {
      enough: true,
      score: 782,
      low: 731,
      high: 829,
      passProbability: 0.73,
      pass: 750,
      min: 100,
      max: 1000,
      needed: null,
      hint: null,
    },
    streak: { current: 12, best: 30 },
    domains: [
      { name: MLS_DOMAINS[0]!, mastery: 0.81, attempts: 64 },
      { name: MLS_DOMAINS[1]!, mastery: 0.66, attempts: 88 },
      { name: MLS_DOMAINS[2]!, mastery: 0.44, attempts: 120 },
      { name: MLS_DOMAINS[3]!, mastery: 0.58, attempts: 3 },
    ],
    weakTasks: [
      { task: '3.4', name: 'Optimize hyperparameters', mastery: 0.31 },
      { task: '3.2', name: 'Pick the right model or models for an ML problem', mastery: 0.38 },
      { task: '1.3', name: 'Choose and implement a data transformation solution', mastery: 0.42 },
    ],
    activity: sampleActivity(TODAY, studyPattern),
  },
  extreme: {
    name: 'Maximilian Alexander von Hohenzollern-Sigmaringen the Third, Grand Champion of Mock Exams 🏆 漢字',
    exam: { short: 'MLS-C01-EXTENDED-EDITION', name: 'AWS Certified Machine Learning – Specialty (a very long exam name that goes on)' },
    readiness: {
      enough: true,
      score: 1000,
      low: 100,
      high: 1000,
      passProbability: 0.999,
      pass: 750,
      min: 100,
      max: 1000,
      needed: null,
      hint: null,
    },
    streak: { current: 1000, best: 1000 },
    domains: [
      { name: 'Machine Learning Implementation and Operations, including every service in the appendix', mastery: 1, attempts: 9999 },
      { name: 'WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW', mastery: 0, attempts: 4 },
      { name: 'Exploratory Data Analysis', mastery: 0.999, attempts: 5 },
      { name: 'Modeling', mastery: 0.001, attempts: 100_000 },
      { name: 'Данные и аналитика: очень длинное название раздела на русском языке', mastery: 0.5, attempts: 0 },
      { name: 'Data Engineering', mastery: 0.7, attempts: 12 },
    ],
    weakTasks: [
      { task: '4.1', name: 'Build ML solutions that perform well and are available, scalable, resilient and fault tolerant', mastery: 0 },
      { task: 'TASK-WITH-A-LONG-ID', name: 'Supercalifragilisticexpialidociousandevenlongerwordwithoutanyspacesatall', mastery: 0.05 },
      { task: '3.5', name: 'Evaluate machine learning models', mastery: 0.49 },
    ],
    activity: sampleActivity(TODAY, (i) => (i % 2 === 0 ? 9999 : i % 3)),
  },
} satisfies Record<string, CardData>;

/** The extreme card with the score at the bottom of the scale and no streak at all. */
export const SAMPLE_LOW_SCORE: CardData = {
  ...SAMPLE_CARDS.extreme,
  name: '',
  readiness: { ...SAMPLE_CARDS.extreme.readiness, score: 100, low: 100, high: 100, passProbability: 0 },
  streak: { current: 0, best: 0 },
};
