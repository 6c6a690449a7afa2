import type { ExamFile } from './exam-schema.js';

// The loaded form of an exam blueprint, apart from its schema, so a cached copy loads without zod or YAML.

export type Domain = ExamFile['domains'][number];
export type Task = Domain['tasks'][number];

/** Where a question sits in one exam's blueprint. */
export interface Placement {
  bullet: string;
  task: string;
  domain: string;
}

/** An exam blueprint as loaded, with its bullets indexed. */
export interface Exam extends ExamFile {
  placements: ReadonlyMap<string, Placement>;
  tasks: ReadonlyArray<Task & { domain: string }>;
}

export function indexExam(file: ExamFile): Exam {
  const placements = new Map<string, Placement>();
  const tasks: Array<Task & { domain: string }> = [];
  for (const d of file.domains)
    for (const t of d.tasks) {
      tasks.push({ ...t, domain: d.id });
      for (const b of t.bullets) placements.set(b.id, { bullet: b.id, task: t.id, domain: d.id });
    }
  return { ...file, placements, tasks };
}

export function domainName(exam: Exam, id: string): string {
  return exam.domains.find((d) => d.id === id)?.name ?? id;
}

export function taskOf(exam: Exam, id: string): (Task & { domain: string }) | undefined {
  return exam.tasks.find((t) => t.id === id);
}

