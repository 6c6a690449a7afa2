import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Problem } from './problems.js';
import { indexExam, type Exam } from './exam-index.js';
import { examSchema } from './exam-schema.js';
import { parseYamlFile, validateYaml } from './yaml-file.js';

export { domainName, indexExam, taskOf, type Domain, type Exam, type Placement, type Task } from './exam-index.js';
export { examSchema, type ExamFile } from './exam-schema.js';


/** Loads one exams/<code>.yaml; the file name must be its code. */
export function loadExam(path: string, displayName: string, problems: Problem[]): Exam | undefined {
  const yaml = parseYamlFile(displayName, readFileSync(path, 'utf8'));
  const file = validateYaml(yaml, examSchema);
  const expected = basename(path, '.yaml');
  if (file && file.code !== expected) yaml.problems.push({ file: displayName, line: 1, message: `code "${file.code}" must match the file name (${expected})` });
  problems.push(...yaml.problems);
  return file && yaml.problems.length === 0 ? indexExam(file) : undefined;
}
