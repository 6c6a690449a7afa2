import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { indexExam } from '../knowledge/exam-index.js';
import type { ExamFile } from '../knowledge/exam-schema.js';
import { SearchIndex } from '../knowledge/search-index.js';
import type { Section } from '../knowledge/section.js';
import type { Synonyms } from '../knowledge/synonyms.js';
import { fnv1a } from '../hash.js';
import { CODE_DIR, packagePath } from '../paths.js';
import { makePool } from '../quiz/pool-index.js';
import type { Question } from '../quiz/question.js';
import { contentWithLazyPool, type Content } from './content-model.js';

/**
 * The terminal starts in a blink by not parsing and indexing the content on every run: a folder that
 * loaded cleanly once is saved, index included, under a key made of its files' names, sizes and
 * modification times and those of the code that reads them. Any edit changes the key, so a stale or
 * unchecked copy is never used; the bot and `tutor validate` always load and check the folder itself.
 * The copy is split by use: a lookup reads only the notes and their index, a quiz adds the questions,
 * and the title index is read only for autocomplete.
 */
const CACHE_DIR = packagePath('node_modules', '.cache', 'study-tutor');
/** Copies of older versions of a folder are removed once no run can still be reading them. */
const STALE_AFTER_MS = 10 * 60_000;

interface SavedNotes {
  exams: ExamFile[];
  synonyms: Synonyms;
  sections: Section[];
  sectionExams: Array<[string, string[]]>;
  index: unknown;
  documentFrequency: Array<[string, number]>;
}

const FILES = { notes: 'notes.json', questions: 'questions.json', titles: 'titles.json' } as const;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []))
    .sort();
}

/** 64 bits of FNV-1a in hex: a cache key needs no cryptography, and node:crypto costs the terminal milliseconds to load. */
const hashOf = (text: string) => [fnv1a(text), fnv1a(text, 0x050c5d1f)].map((h) => h.toString(16).padStart(8, '0')).join('');

function keyOf(dir: string): string {
  const parts: string[] = [];
  // Name, size and modification time of every content file: any edit or checkout changes them.
  for (const file of filesUnder(dir)) {
    const { size, mtimeMs } = statSync(file);
    parts.push(`${relative(dir, file)}:${size}:${mtimeMs}`);
  }
  // The code that reads content: a new release (or an edit in development) makes a new key.
  for (const file of filesUnder(CODE_DIR)) parts.push(`${relative(CODE_DIR, file)}:${statSync(file).mtimeMs}`);
  return hashOf(parts.join('\n'));
}

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
/** JSON with every non-ASCII character escaped: V8 reads and parses a one-byte string faster than a wider one. */
const asciiJson = (value: unknown): string =>
  JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** The content of `dir`, from the saved copy when there is a current one; else loaded, checked and saved. */
export async function loadContentCached(dir: string, cacheDir = CACHE_DIR): Promise<Content> {
  // The YAML and schema code is loaded only when the folder really has to be read.
  const loadContent = async () => (await import('./content.js')).loadContent(dir);
  let key: string;
  try {
    key = keyOf(dir);
  } catch {
    return loadContent();
  }
  // One folder of copies per content folder, one copy per version of it.
  const versions = join(cacheDir, hashOf(dir));
  const copy = join(versions, key);
  try {
    const saved = readJson(join(copy, FILES.notes)) as SavedNotes;
    const exams = new Map(saved.exams.map((e) => [e.code, indexExam(e)]));
    const search = new SearchIndex(saved.sections, saved.synonyms, {
      index: saved.index,
      documentFrequency: saved.documentFrequency,
      titles: () => readJson(join(copy, FILES.titles)),
    });
    return contentWithLazyPool(
      { dir, exams, synonyms: saved.synonyms, sections: saved.sections },
      search,
      new Map(saved.sectionExams),
      () => makePool(readJson(join(copy, FILES.questions)) as Question[]),
    );
  } catch {
    // No copy yet (or an unreadable one): load, check, and save for next time.
  }
  const content = await loadContent();
  try {
    save(content, versions, key);
  } catch {
    // A read-only install (the Docker image) simply runs without the cache.
  }
  return content;
}

function save(content: Content, versions: string, key: string): void {
  const { index, titles, documentFrequency } = content.search.serialize();
  const notes: SavedNotes = {
    exams: [...content.exams.values()].map(({ placements: _p, tasks: _t, ...file }) => file),
    synonyms: content.synonyms,
    sections: content.sections,
    sectionExams: [...content.sectionExams].map(([id, exams]) => [id, [...exams]]),
    index,
    documentFrequency,
  };
  // Written whole into a folder of its own, then renamed into place: another process sees all of it or none.
  const temp = join(versions, `${key}.${process.pid}.tmp`);
  mkdirSync(temp, { recursive: true });
  writeFileSync(join(temp, FILES.notes), asciiJson(notes));
  writeFileSync(join(temp, FILES.questions), asciiJson(content.pool.questions));
  writeFileSync(join(temp, FILES.titles), asciiJson(titles));
  try {
    renameSync(temp, join(versions, key));
  } catch {
    // Another process saved the same copy first.
    rmSync(temp, { recursive: true, force: true });
  }
  const now = Date.now();
  for (const entry of readdirSync(versions)) {
    const path = join(versions, entry);
    try {
      if (entry !== key && now - statSync(path).mtimeMs > STALE_AFTER_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // Removed by another process meanwhile.
    }
  }
  // Earlier releases saved one file per version, beside these folders.
  const cacheDir = dirname(versions);
  for (const entry of readdirSync(cacheDir)) if (/^content-[0-9a-f]+\.json$/.test(entry)) rmSync(join(cacheDir, entry), { force: true });
}
