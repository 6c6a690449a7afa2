import { LineCounter, parseDocument, isMap, isSeq, type Document, type Node } from 'yaml';
import type { Problem } from './problems.js';

/** A parsed YAML file that can say on which line a node starts, for `file:line` errors. */
export interface YamlFile {
  file: string;
  doc: Document.Parsed;
  lineOf(node: unknown): number;
  problems: Problem[];
}

export function parseYamlFile(file: string, text: string, firstLine = 1): YamlFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const offset = firstLine - 1;
  const lineAt = (pos: number) => lineCounter.linePos(pos).line + offset;
  const problems: Problem[] = [...doc.errors, ...doc.warnings].map((e) => ({
    file,
    line: lineAt(e.pos[0]),
    message: `YAML: ${e.message.split('\n')[0]}`,
  }));
  return {
    file,
    doc,
    problems,
    lineOf(node: unknown) {
      const range = (node as Node | undefined)?.range;
      return range ? lineAt(range[0]) : firstLine;
    },
  };
}

/** Finds the node at a zod issue path, falling back to the nearest ancestor that exists. */
export function nodeAtPath(doc: Document.Parsed, path: readonly PropertyKey[]): unknown {
  let node: unknown = doc.contents;
  for (const key of path) {
    let next: unknown;
    if (isMap(node)) next = node.get(key, true) ?? node.items.find((p) => (p.key as { value?: unknown })?.value === key)?.key;
    else if (isSeq(node) && typeof key === 'number') next = node.items[key];
    if (next === undefined) break;
    node = next;
  }
  return node;
}

/**
 * Validates a YAML file's contents against a zod schema; each issue becomes a problem on the line
 * of the offending node. Returns undefined when anything is wrong, so bad content is never used.
 */
export function validateYaml<T>(
  yaml: YamlFile,
  schema: { safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: ZodIssueLike[] } } },
): T | undefined {
  if (yaml.problems.length > 0) return undefined;
  const result = schema.safeParse(yaml.doc.toJS());
  if (result.success) return result.data;
  reportIssues(yaml, result.error.issues);
  return undefined;
}

/**
 * Adds zod issues to the file's problems, each on the line of its node. `at` is the path of the value
 * that was validated (e.g. [3] for the fourth list item); `label` prefixes each message.
 */
export function reportIssues(yaml: YamlFile, issues: readonly ZodIssueLike[], at: readonly PropertyKey[] = [], label = ''): void {
  for (const issue of issues) {
    const where = issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
    yaml.problems.push({ file: yaml.file, line: yaml.lineOf(nodeAtPath(yaml.doc, [...at, ...issue.path])), message: `${label}${where}${issue.message}` });
  }
}

export interface ZodIssueLike {
  path: PropertyKey[];
  message: string;
}
