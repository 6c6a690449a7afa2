import * as z from 'zod';

/** One exams/<code>.yaml: the exam facts and its outline, domains -> tasks -> bullets. */
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'ids are lowercase slugs like data-engineering');

const bulletSchema = z.object({
  id: z.string().regex(/^\d+\.\d+[a-z]+$/, 'a bullet id is its task id and a letter, like 1.2a'),
  text: z.string().trim().min(1),
});

const taskSchema = z.object({
  id: z.coerce.string().regex(/^\d+\.\d+$/, 'a task id looks like 1.2'),
  name: z.string().trim().min(1),
  bullets: z.array(bulletSchema).min(1, 'a task lists at least one bullet'),
});

const domainSchema = z.object({
  id: slug,
  name: z.string().min(1),
  weight: z.number().positive('weight must be a positive percentage'),
  tasks: z.array(taskSchema).min(1, 'a domain lists at least one task'),
});

const day = z.union([z.date(), z.string()]).transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d));

/**
 * How answers become a predicted score (see README, "Readiness"). AWS publishes no raw-to-scaled
 * mapping, so the file states the assumption: the expected share right maps linearly onto the range.
 */
const readinessSchema = z
  .object({
    /** Answers needed before a number is shown at all. */
    min_answers: z.number().int().min(1).default(60),
    /** Answers needed in every domain. */
    min_domain_answers: z.number().int().min(1).default(10),
  })
  .default({ min_answers: 60, min_domain_answers: 10 });

export const examSchema = z
  .object({
    code: slug,
    name: z.string().min(1),
    short: z.string().min(1),
    status: z.enum(['current', 'beta', 'retired']),
    retired_on: day.optional(),
    successor: slug.optional(),
    beta: z.object({ since: day, note: z.string().min(1) }).optional(),
    source: z.string().min(1),
    exam: z.object({
      questions: z.number().int().min(1),
      minutes: z.number().int().min(1),
      score: z
        .object({ min: z.number().int(), max: z.number().int(), pass: z.number().int() })
        .refine((s) => s.min < s.pass && s.pass <= s.max, 'score needs min < pass <= max'),
    }),
    readiness: readinessSchema,
    domains: z.array(domainSchema).min(1, 'list at least one domain'),
    in_scope_services: z.array(z.string()).default([]),
  })
  .superRefine((exam, ctx) => {
    const total = exam.domains.reduce((sum, d) => sum + d.weight, 0);
    if (Math.abs(total - 100) > 0.001) ctx.addIssue({ code: 'custom', path: ['domains'], message: `domain weights add up to ${total}, not 100` });
    if (exam.status === 'retired' && !exam.retired_on) ctx.addIssue({ code: 'custom', path: ['status'], message: 'a retired exam says when: retired_on' });
    if (exam.status === 'beta' && !exam.beta) ctx.addIssue({ code: 'custom', path: ['status'], message: 'a beta exam says since when and what differs: beta' });
    const seen = new Set<string>();
    exam.domains.forEach((d, i) => {
      if (seen.has(d.id)) ctx.addIssue({ code: 'custom', path: ['domains', i, 'id'], message: `duplicate domain id "${d.id}"` });
      seen.add(d.id);
      d.tasks.forEach((t, j) => {
        if (seen.has(t.id)) ctx.addIssue({ code: 'custom', path: ['domains', i, 'tasks', j, 'id'], message: `duplicate task id "${t.id}"` });
        seen.add(t.id);
        t.bullets.forEach((b, k) => {
          if (!b.id.startsWith(t.id) || !/^[a-z]+$/.test(b.id.slice(t.id.length)))
            ctx.addIssue({ code: 'custom', path: ['domains', i, 'tasks', j, 'bullets', k, 'id'], message: `bullet "${b.id}" is not under task ${t.id}` });
          if (seen.has(b.id)) ctx.addIssue({ code: 'custom', path: ['domains', i, 'tasks', j, 'bullets', k, 'id'], message: `duplicate bullet id "${b.id}"` });
          seen.add(b.id);
        });
      });
    });
  });

export type ExamFile = z.infer<typeof examSchema>;
