import { existsSync, readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { loadBlueprint, type Blueprint } from './blueprint.js';
import { loadSynonyms, type Synonyms } from './synonyms.js';
import { parseNotesFile } from './notes.js';
import { ContentError, type Problem } from './problems.js';
import type { Section } from './section.js';

export interface Knowledge {
  dir: string;
  blueprint: Blueprint;
  synonyms: Synonyms;
  sections: Section[];
}

/** What loaded even when something did not: questions are still checked against these sections. */
export interface PartialKnowledge {
  sections: Section[];
  /** Note files (slugs) that had problems and contributed no sections. */
  brokenNoteFiles: Set<string>;
}

/** Paths as the user typed them relative to the working directory, so `file:line` opens in an editor. */
export function displayPath(path: string): string {
  return relative(process.cwd(), path) || path;
}

export function listFiles(dir: string, extension: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(extension))
    .sort()
    .map((f) => join(dir, f));
}

/**
 * Loads and validates the blueprint, synonyms and notes of a content folder. Collects every problem
 * into `problems`; returns undefined if there was any.
 */
export function loadKnowledgeInto(dir: string, problems: Problem[], partial?: PartialKnowledge): Knowledge | undefined {
  const before = problems.length;
  const required = (name: string) => {
    const path = join(dir, name);
    if (!existsSync(path)) problems.push({ file: displayPath(path), line: 1, message: `missing: ${name} is required in a content folder` });
    return existsSync(path) ? path : undefined;
  };
  const blueprintPath = required('exam.yaml');
  const synonymsPath = required('synonyms.yaml');
  const blueprint = blueprintPath ? loadBlueprint(blueprintPath, displayPath(blueprintPath), problems) : undefined;
  const synonyms = synonymsPath ? loadSynonyms(synonymsPath, displayPath(synonymsPath), problems) : undefined;

  const noteFiles = listFiles(join(dir, 'notes'), '.md');
  if (noteFiles.length === 0) problems.push({ file: displayPath(join(dir, 'notes')), line: 1, message: 'no notes: add notes/*.md files' });
  const domainIds = blueprint?.domains.map((d) => d.id) ?? [];
  const sections = noteFiles.flatMap((f) => {
    const before = problems.length;
    const parsed = blueprint ? parseNotesFile(f, displayPath(f), domainIds, problems) : [];
    if (problems.length > before) partial?.brokenNoteFiles.add(basename(f, '.md'));
    return parsed;
  });
  if (partial) partial.sections = sections;

  const ids = new Map<string, string>();
  for (const s of sections) {
    const other = ids.get(s.id);
    if (other) {
      const [file, line] = s.source.split(/:(?=\d+$)/);
      problems.push({ file: file!, line: Number(line), message: `duplicate section id "${s.id}" (also ${other})` });
    }
    ids.set(s.id, s.source);
  }
  if (problems.length > before || !blueprint || !synonyms) return undefined;
  return { dir, blueprint, synonyms, sections };
}

export function loadKnowledge(dir: string): Knowledge {
  const problems: Problem[] = [];
  const knowledge = loadKnowledgeInto(dir, problems);
  if (!knowledge) throw new ContentError(problems);
  return knowledge;
}
