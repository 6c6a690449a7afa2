import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import * as z from 'zod';
import { parseYamlFile, validateYaml } from './yaml-file.js';
import { slugify } from './slug.js';
import { SECTION_MAX_CHARS, TITLE_MAX_CHARS, type Section } from './section.js';
import type { Problem } from './problems.js';

const HEADING = /^##\s+(.+?)\s*$/;
const PINNED_ID = /\s*\{#([a-z0-9]+(?:-[a-z0-9]+)*)\}$/;
const ALIASES = /^aliases:\s*(.*)$/i;

function frontMatterSchema(domainIds: readonly string[]) {
  return z.object({
    domain: z.string({ error: 'front matter needs `domain:` (a domain id of one of the exams)' }).refine((d) => domainIds.includes(d), {
      error: (issue) => `unknown domain "${String(issue.input)}"; use one of: ${domainIds.join(', ')}`,
    }),
    tags: z.array(z.string().min(1)).default([]),
    /** `added`: written by the tutor's authors, not from the group's own notes. */
    origin: z.enum(['notes', 'added']).default('notes'),
  });
}

/** Parses one notes file into sections; problems are appended, and a file with any yields no sections. */
export function parseNotesFile(path: string, displayName: string, domainIds: readonly string[], problems: Problem[]): Section[] {
  const lines = readFileSync(path, 'utf8').replace(/\r\n?/g, '\n').split('\n');
  const fileSlug = slugify(basename(path, '.md'));
  const before = problems.length;
  const problem = (line: number, message: string) => problems.push({ file: displayName, line, message });

  if (lines[0]?.trim() !== '---') {
    problem(1, 'missing front matter: start the file with ---, `domain: <id>`, optional `tags: [...]`, ---');
    return [];
  }
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (end < 0) {
    problem(1, 'front matter is not closed with a --- line');
    return [];
  }
  const yaml = parseYamlFile(displayName, lines.slice(1, end).join('\n'), 2);
  if (yaml.doc.contents === null) yaml.problems.push({ file: displayName, line: 1, message: 'front matter is empty: it needs `domain: <id>`' });
  const front = validateYaml(yaml, frontMatterSchema(domainIds));
  problems.push(...yaml.problems);

  const sections: Section[] = [];
  const seen = new Map<string, number>();
  let current: { title: string; id: string; line: number; body: string[] } | undefined;
  let inFence = false;

  const close = () => {
    if (!current) return;
    const body = [...current.body];
    while (body.length && body[0]!.trim() === '') body.shift();
    let aliases: string[] = [];
    const aliasMatch = body[0] !== undefined ? ALIASES.exec(body[0].trim()) : null;
    if (aliasMatch) {
      aliases = aliasMatch[1]!.split(',').map((a) => a.trim()).filter(Boolean);
      body.shift();
    }
    const text = body.join('\n').trim();
    if (text === '') problem(current.line, `section "${current.title}" has no text`);
    if (text.length > SECTION_MAX_CHARS)
      problem(current.line, `section "${current.title}" is ${text.length} characters; one Discord embed holds ${SECTION_MAX_CHARS}: split it`);
    sections.push({
      id: current.id,
      title: current.title,
      domain: front?.domain ?? '',
      origin: front?.origin ?? 'notes',
      tags: front?.tags ?? [],
      aliases,
      text,
      source: `${displayName}:${current.line}`,
    });
    current = undefined;
  };

  for (let i = end + 1; i < lines.length; i++) {
    const line = lines[i]!;
    const lineNo = i + 1;
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const heading = inFence ? null : HEADING.exec(line);
    if (heading) {
      close();
      let title = heading[1]!;
      const pinned = PINNED_ID.exec(title);
      if (pinned) title = title.slice(0, pinned.index).trim();
      const id = `${fileSlug}/${pinned?.[1] ?? slugify(title)}`;
      if (title.length > TITLE_MAX_CHARS) problem(lineNo, `heading is ${title.length} characters; an embed title holds ${TITLE_MAX_CHARS}`);
      if (seen.has(id)) problem(lineNo, `duplicate section id "${id}" (also at line ${seen.get(id)})`);
      seen.set(id, lineNo);
      current = { title, id, line: lineNo, body: [] };
    } else if (current) {
      current.body.push(line);
    } else if (line.trim() !== '' && !/^#\s/.test(line)) {
      problem(lineNo, 'text before the first `##` section is never shown by lookup: move it into a section');
    }
  }
  close();
  if (sections.length === 0 && problems.length === before) problem(end + 2, 'no `##` sections in this file');
  return problems.length === before ? sections : [];
}
