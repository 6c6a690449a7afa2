import { readFileSync } from 'node:fs';
import * as z from 'zod';
import { parseYamlFile, validateYaml } from './yaml-file.js';
import type { Problem } from './problems.js';

/** `canonical term: [aliases]`: SageMaker: [SG, SM]. A single alias may be written as a string. */
export const synonymsSchema = z.record(
  z.string().min(1),
  z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).transform((v) => (typeof v === 'string' ? [v] : v)),
  { error: (issue) => (issue.code === 'invalid_type' ? 'synonyms must be a mapping of term: [aliases]' : undefined) },
);

export type Synonyms = z.infer<typeof synonymsSchema>;

export function loadSynonyms(path: string, displayName: string, problems: Problem[]): Synonyms | undefined {
  const yaml = parseYamlFile(displayName, readFileSync(path, 'utf8'));
  const synonyms = validateYaml(yaml, synonymsSchema);
  problems.push(...yaml.problems);
  return synonyms;
}
