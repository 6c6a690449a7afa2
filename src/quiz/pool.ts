import { basename } from 'node:path';
import { readFileSync } from 'node:fs';
import { isNode, isSeq } from 'yaml';
import { makePool, type QuestionPool } from './pool-index.js';
import { LETTERS, questionSchema, statedChoiceCount, type Question } from './question.js';
import { parseYamlFile, reportIssues } from '../knowledge/yaml-file.js';
import { displayPath, listFiles } from '../knowledge/load.js';
import type { Problem } from '../knowledge/problems.js';
import type { Exam, Placement } from '../knowledge/exams.js';
import type { Section } from '../knowledge/section.js';
import { join } from 'node:path';

export { makePool, type QuestionPool } from './pool-index.js';

/**
 * Loads every questions/*.yaml of a content folder against the known sections. Appends every problem
 * (with its line) to `problems` and returns undefined if there was any: a half-valid pool never loads.
 */
export function loadPoolInto(
  dir: string,
  sections: readonly Section[],
  exams: ReadonlyMap<string, Exam>,
  problems: Problem[],
  brokenNoteFiles: ReadonlySet<string> = new Set(),
): QuestionPool | undefined {
  const before = problems.length;
  const sectionById = new Map(sections.map((s) => [s.id, s]));
  const files = listFiles(join(dir, 'questions'), '.yaml');
  if (files.length === 0)
    problems.push({ file: displayPath(join(dir, 'questions')), line: 1, message: 'no questions: add questions/*.yaml files' });
  const seenIds = new Map<string, string>();
  const seenPrompts = new Map<string, string>();
  const questions: Question[] = [];

  for (const path of files) {
    const file = displayPath(path);
    const yaml = parseYamlFile(file, readFileSync(path, 'utf8'));
    if (yaml.problems.length > 0 || !isSeq(yaml.doc.contents)) {
      if (yaml.problems.length === 0)
        yaml.problems.push({
          file,
          line: yaml.lineOf(yaml.doc.contents),
          message: 'a question file is a YAML list of questions (items starting with "- id:")',
        });
      problems.push(...yaml.problems);
      continue;
    }
    const topic = basename(path, '.yaml');
    // Each question is validated on its own, so one broken question never hides another's problems.
    yaml.doc.contents.items.forEach((item, i) => {
      const parsed = questionSchema.safeParse(isNode(item) ? item.toJS(yaml.doc) : item);
      if (!parsed.success) {
        reportIssues(yaml, parsed.error.issues, [i], `question ${i + 1}: `);
        return;
      }
      const q = parsed.data;
      const line = yaml.lineOf(item);
      const where = `${file}:${line}`;
      const problem = (message: string) => problems.push({ file, line, message: `${q.id}: ${message}` });
      if (!q.id.startsWith(`${topic}-`)) problem(`id should start with "${topic}-" (the file's name)`);
      const other = seenIds.get(q.id);
      if (other) problem(`duplicate id (also at ${other})`);
      seenIds.set(q.id, where);
      const section = sectionById.get(q.section);
      const noteFile = q.section.split('/')[0] ?? '';
      if (!section && brokenNoteFiles.has(noteFile))
        problem(`section "${q.section}" could not be checked: notes/${noteFile}.md did not load (its problems are listed above)`);
      else if (!section) problem(`unknown section "${q.section}"`);
      const letters = LETTERS.slice(0, q.choices.length);
      for (const a of q.answer)
        if (!letters.includes(a)) problem(`answer ${a} is not one of the choices (${letters.split('').join(', ')})`);
      const normalized = q.choices.map((c) => c.toLowerCase().replace(/\s+/g, ' '));
      normalized.forEach((c, j) => {
        const k = normalized.indexOf(c);
        if (k !== j) problem(`choice ${LETTERS[j]} repeats choice ${LETTERS[k]}`);
      });
      const stated = statedChoiceCount(q.prompt);
      if (q.answer.length > 1) {
        if (stated === undefined)
          problem(`multiple-response question must say how many to choose ("(Choose ${q.answer.length === 2 ? 'two' : 'three'}.)")`);
        else if (stated !== q.answer.length) problem(`prompt says choose ${stated} but the answer has ${q.answer.length} letters`);
        if (q.choices.length < 5) problem('multiple-response questions need at least 5 choices');
      } else if (stated !== undefined && stated > 1) {
        problem(`prompt says choose ${stated} but the answer has one letter`);
      }
      const promptKey = q.prompt.toLowerCase().replace(/\s+/g, ' ');
      const samePrompt = seenPrompts.get(promptKey);
      if (samePrompt) problem(`same prompt as the question at ${samePrompt}`);
      seenPrompts.set(promptKey, where);
      const placed: Record<string, Placement> = {};
      for (const [code, bullet] of Object.entries(q.exams)) {
        const exam = exams.get(code);
        const placement = exam?.placements.get(bullet);
        if (!exam) problem(`exams: "${code}" is not an exam in exams/ (${[...exams.keys()].join(', ')})`);
        else if (!placement) problem(`exams: ${code} has no bullet "${bullet}"`);
        else placed[code] = placement;
      }
      questions.push({ ...q, exams: placed, apart: q.apart ?? [] });
    });
    problems.push(...yaml.problems);
  }
  const known = new Set(questions.map((q) => q.id));
  for (const q of questions)
    for (const other of q.apart)
      if (!known.has(other))
        problems.push({
          file: seenIds.get(q.id)?.split(/:(?=\d+$)/)[0] ?? '',
          line: Number(seenIds.get(q.id)?.split(':').pop() ?? 1),
          message: `${q.id}: apart names an unknown question "${other}"`,
        });
  return problems.length === before ? makePool(questions) : undefined;
}
