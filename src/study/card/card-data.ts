/**
 * What a stats card shows, checked before it is drawn. The engine fills it from a person's stats;
 * the card only lays it out.
 */
import * as z from 'zod';

const count = z.number().int().nonnegative();
const share = z.number().min(0).max(1);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a local day YYYY-MM-DD');

export const ACTIVITY_DAYS = 84;

export const CardDataSchema = z
  .object({
    /** The person's display name: any Unicode, any length (cut to fit). */
    name: z.string(),
    exam: z.object({ short: z.string(), name: z.string() }),
    readiness: z.object({
      /** Whether there are enough answers to predict a score. */
      enough: z.boolean(),
      /** The predicted scaled score and its likely interval, on the min..max scale. */
      score: z.number().nullable(),
      low: z.number().nullable(),
      high: z.number().nullable(),
      passProbability: share.nullable(),
      pass: z.number(),
      min: z.number(),
      max: z.number(),
      /** When not enough: how many more answers are needed, and what to do. */
      needed: count.nullable(),
      hint: z.string().nullable(),
    }),
    streak: z.object({ current: count, best: count }),
    domains: z
      .array(z.object({ name: z.string(), mastery: share, attempts: count }))
      .min(2)
      .max(6),
    weakTasks: z.array(z.object({ task: z.string(), name: z.string(), mastery: share })).max(3),
    /** Answers per local day, oldest first, ending today: up to the last 84 days, no gaps. */
    activity: z
      .array(z.object({ day, answers: count }))
      .min(1)
      .max(ACTIVITY_DAYS),
  })
  .superRefine((data, ctx) => {
    const r = data.readiness;
    if (!(r.min < r.max)) ctx.addIssue({ code: 'custom', path: ['readiness', 'max'], message: 'max must be above min' });
    if (r.enough && (r.score === null || r.low === null || r.high === null || r.passProbability === null))
      ctx.addIssue({ code: 'custom', path: ['readiness'], message: 'a prediction needs score, low, high and passProbability' });
    data.activity.forEach((a, i) => {
      const previous = data.activity[i - 1];
      const parsed = Date.parse(`${a.day}T00:00:00Z`);
      // Date.parse takes 2026-02-30 as 2 March: a real day reads back the same.
      if (Number.isNaN(parsed) || new Date(parsed).toISOString().slice(0, 10) !== a.day)
        ctx.addIssue({ code: 'custom', path: ['activity', i, 'day'], message: `not a date: ${a.day}` });
      else if (previous && dayNumber(a.day) !== dayNumber(previous.day) + 1)
        ctx.addIssue({ code: 'custom', path: ['activity', i, 'day'], message: `${a.day} does not follow ${previous.day}` });
    });
  });

export type CardData = z.infer<typeof CardDataSchema>;

/** Days since 1970-01-01 of a YYYY-MM-DD day (calendar arithmetic, no time zone involved). */
export function dayNumber(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
}
