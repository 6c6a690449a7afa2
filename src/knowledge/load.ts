import { existsSync, readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { loadExam, type Exam } from './exams.js';
import { parseNotesFile } from './notes.js';
import { sectionRef } from './section-ref.js';
import type { Problem } from './problems.js';
import type { Section } from './section.js';
import { loadSynonyms, type Synonyms } from './synonyms.js';

export interface Knowledge {
  dir: string;
  /** Every exam blueprint of the folder, by code, in file-name order. */
  exams: ReadonlyMap<string, Exam>;
  synonyms: Synonyms;
  sections: Section[];
}

/** What loaded even when something did not: questions are still checked against it. */
export interface PartialKnowledge {
  exams: Map<string, Exam>;
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
 * Loads and validates the exam blueprints, synonyms and notes of a content folder. Collects every
 * problem into `problems`, and what did load into `partial`; returns undefined if there was any problem.
 */
export function loadKnowledgeInto(dir: string, problems: Problem[], partial: PartialKnowledge): Knowledge | undefined {
  const before = problems.length;
  const examFiles = listFiles(join(dir, 'exams'), '.yaml');
  if (examFiles.length === 0) problems.push({ file: displayPath(join(dir, 'exams')), line: 1, message: 'no exams: add exams/<code>.yaml blueprints' });
  for (const f of examFiles) {
    const exam = loadExam(f, displayPath(f), problems);
    if (exam) partial.exams.set(exam.code, exam);
  }
  for (const exam of partial.exams.values())
    if (exam.successor && !partial.exams.has(exam.successor))
      problems.push({ file: displayPath(join(dir, 'exams', `${exam.code}.yaml`)), line: 1, message: `successor "${exam.successor}" is not an exam in this folder` });

  const synonymsPath = join(dir, 'synonyms.yaml');
  if (!existsSync(synonymsPath)) problems.push({ file: displayPath(synonymsPath), line: 1, message: 'missing: synonyms.yaml is required in a content folder' });
  const synonyms = existsSync(synonymsPath) ? loadSynonyms(synonymsPath, displayPath(synonymsPath), problems) : undefined;

  const noteFiles = listFiles(join(dir, 'notes'), '.md');
  if (noteFiles.length === 0) problems.push({ file: displayPath(join(dir, 'notes')), line: 1, message: 'no notes: add notes/*.md files' });
  // A note's home domain may be any exam's domain: lookup shows it, the exams' own mix comes from the questions.
  const domainIds = [...new Set([...partial.exams.values()].flatMap((e) => e.domains.map((d) => d.id)))];
  const sections = noteFiles.flatMap((f) => {
    const problemsBefore = problems.length;
    const parsed = parseNotesFile(f, displayPath(f), domainIds, problems);
    if (problems.length > problemsBefore) partial.brokenNoteFiles.add(basename(f, '.md'));
    return parsed;
  });
  partial.sections = sections;

  const ids = new Map<string, string>();
  const refs = new Map<string, string>();
  for (const s of sections) {
    const ref = sectionRef(s.id);
    const clash = refs.get(ref);
    if (clash && clash !== s.id) {
      const [file, line] = s.source.split(/:(?=\d+$)/);
      problems.push({ file: file!, line: Number(line), message: `section id "${s.id}" has the same short reference as "${clash}": pin another id with {#...}` });
    }
    refs.set(ref, s.id);
    const other = ids.get(s.id);
    if (other) {
      const [file, line] = s.source.split(/:(?=\d+$)/);
      problems.push({ file: file!, line: Number(line), message: `duplicate section id "${s.id}" (also ${other})` });
    }
    ids.set(s.id, s.source);
  }
  if (problems.length > before || !synonyms) return undefined;
  return { dir, exams: partial.exams, synonyms, sections };
}
