import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { indexExam } from '../knowledge/exam-index.js';
import type { ExamFile } from '../knowledge/exam-schema.js';
import { SearchIndex, type SerializedIndex } from '../knowledge/search-index.js';
import type { Section } from '../knowledge/section.js';
import type { Synonyms } from '../knowledge/synonyms.js';
import { makePool } from '../quiz/pool-index.js';
import type { Question } from '../quiz/question.js';
import { assembleContent, type Content } from './content-model.js';

/**
 * The terminal starts in a blink by not parsing and indexing the content on every run: a folder that
 * loaded cleanly once is saved, index included, under a key made of its files' names, sizes and
 * modification times and those of the code that reads them. Any edit changes the key, so a stale or unchecked copy is never used; the bot
 * and `tutor validate` always load and check the folder itself.
 */
const CACHE_DIR = fileURLToPath(new URL('../../node_modules/.cache/study-tutor', import.meta.url));
const CODE_DIR = fileURLToPath(new URL('..', import.meta.url));

interface Saved {
  exams: ExamFile[];
  synonyms: Synonyms;
  sections: Section[];
  questions: Question[];
  index: SerializedIndex;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []))
    .sort();
}

function keyOf(dir: string): string {
  const hash = createHash('sha256');
  hash.update(dir);
  // Name, size and modification time of every content file: any edit or checkout changes them.
  for (const file of filesUnder(dir)) {
    const { size, mtimeMs } = statSync(file);
    hash.update(`${relative(dir, file)}:${size}:${mtimeMs}`);
  }
  // The code that reads content: a new release (or an edit in development) makes a new key.
  for (const file of filesUnder(CODE_DIR)) hash.update(`${relative(CODE_DIR, file)}:${statSync(file).mtimeMs}`);
  return hash.digest('hex').slice(0, 32);
}

/** The content of `dir`, from the saved copy when there is a current one; else loaded, checked and saved. */
export async function loadContentCached(dir: string, cacheDir = CACHE_DIR): Promise<Content> {
  // The YAML and schema code is loaded only when the folder really has to be read.
  const loadContent = async (d: string) => (await import('./content.js')).loadContent(d);
  let key: string;
  try {
    key = keyOf(dir);
  } catch {
    return loadContent(dir);
  }
  const file = join(cacheDir, `content-${key}.json`);
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Saved;
    const exams = new Map(saved.exams.map((e) => [e.code, indexExam(e)]));
    return assembleContent(
      { dir, exams, synonyms: saved.synonyms, sections: saved.sections },
      makePool(saved.questions),
      new SearchIndex(saved.sections, saved.synonyms, saved.index),
    );
  } catch {
    // No copy yet (or an unreadable one): load, check, and save for next time.
  }
  const content = await loadContent(dir);
  try {
    const saved: Saved = {
      exams: [...content.exams.values()].map(({ placements: _p, tasks: _t, ...file }) => file),
      synonyms: content.synonyms,
      sections: content.sections,
      questions: content.pool.questions,
      index: content.search.serialize(),
    };
    mkdirSync(dirname(file), { recursive: true });
    // Written whole, then renamed: a second process never reads half a file.
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(saved));
    renameSync(temp, file);
  } catch {
    // A read-only install (the Docker image) simply runs without the cache.
  }
  return content;
}
