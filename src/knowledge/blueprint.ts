import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseYamlFile, validateYaml } from './yaml-file.js';
import type { Problem } from './problems.js';

const domainSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'domain id must be a lowercase slug like data-engineering'),
  name: z.string().min(1),
  weight: z.number().positive('weight must be a positive percentage'),
});

export const blueprintSchema = z
  .object({
    name: z.string().min(1),
    code: z.string().min(1).optional(),
    status: z.string().optional(),
    domains: z.array(domainSchema).min(1, 'list at least one domain'),
    exam: z.object({
      questions: z.number().int().min(1),
      minutes: z.number().int().min(1),
      score: z
        .object({ min: z.number().int(), max: z.number().int(), pass: z.number().int() })
        .refine((s) => s.min < s.pass && s.pass <= s.max, 'score needs min < pass <= max'),
    }),
  })
  .superRefine((bp, ctx) => {
    const total = bp.domains.reduce((sum, d) => sum + d.weight, 0);
    if (Math.abs(total - 100) > 0.001) ctx.addIssue({ code: 'custom', path: ['domains'], message: `domain weights add up to ${total}, not 100` });
    const seen = new Set<string>();
    bp.domains.forEach((d, i) => {
      if (seen.has(d.id)) ctx.addIssue({ code: 'custom', path: ['domains', i, 'id'], message: `duplicate domain id "${d.id}"` });
      seen.add(d.id);
    });
  });

export type Blueprint = z.infer<typeof blueprintSchema>;
export type Domain = Blueprint['domains'][number];

export function loadBlueprint(path: string, displayName: string, problems: Problem[]): Blueprint | undefined {
  const yaml = parseYamlFile(displayName, readFileSync(path, 'utf8'));
  const blueprint = validateYaml(yaml, blueprintSchema);
  problems.push(...yaml.problems);
  return blueprint;
}
