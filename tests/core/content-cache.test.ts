import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/core/content.js';
import { loadContentCached } from '../../src/core/content-cache.js';
import type { Content } from '../../src/core/content-model.js';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'knowledge');
const QUERIES = ['shards', 'fast file system', 'early stoping', 'buckets', 'nothing like this at all'];

let dir: string;
let content: string;
let cache: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'content-cache-'));
  content = join(dir, 'knowledge');
  cache = join(dir, 'cache');
  cpSync(FIXTURE, content, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The saved copies: one folder per version of the content folder. */
function copies(): string[] {
  return readdirSync(cache, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .flatMap((folder) => readdirSync(join(cache, folder)).map((key) => join(cache, folder, key)));
}

/** What a learner gets from the content: lookups, autocomplete, the pool and what each section serves. */
function answers(c: Content) {
  return {
    lookups: QUERIES.map((q) => c.search.lookup(q, 5).map((h) => [h.id, h.score, h.snippet])),
    autocomplete: ['sto', 'ffs', ''].map((q) => c.search.autocomplete(q).map((s) => s.id)),
    questions: c.pool.questions.map((q) => q.id),
    sectionExams: [...c.sectionExams],
    exams: [...c.exams.values()].map((e) => [e.code, e.tasks.length, e.placements.size]),
  };
}

describe('the saved copy of a content folder (the terminal starts from it)', () => {
  it('answers exactly as the folder itself does', async () => {
    const first = await loadContentCached(content, cache);
    expect(copies()).toHaveLength(1);
    const second = await loadContentCached(content, cache);
    expect(answers(second)).toEqual(answers(loadContent(content)));
    expect(answers(first)).toEqual(answers(second));
  });

  it('reads neither the questions nor the title index for a lookup', async () => {
    await loadContentCached(content, cache);
    const [copy] = copies();
    rmSync(join(copy!, 'questions.json'));
    rmSync(join(copy!, 'titles.json'));
    const saved = await loadContentCached(content, cache);
    expect(saved.search.lookup('shards')[0]?.title).toBe('Real-time streams');
    expect(() => saved.pool).toThrow(/questions\.json/);
  });

  it('is not used once a note changes: the edit shows at the next run', async () => {
    await loadContentCached(content, cache);
    const notes = join(content, 'notes', 'storage.md');
    expect((await loadContentCached(content, cache)).search.lookup('scratchpad')).toEqual([]);
    writeFileSync(notes, readFileSync(notes, 'utf8').replace('serves many reads', 'serves as a scratchpad for many reads'));
    const edited = await loadContentCached(content, cache);
    expect(edited.search.lookup('scratchpad')[0]?.title).toBe('Fast file system');
    expect(copies()).toHaveLength(2);
  });

  it('removes copies of older versions once no run can still be reading them', async () => {
    mkdirSync(cache);
    const earlierRelease = join(cache, 'content-13e20efdccf15b3a529940d7b54d93e2.json');
    writeFileSync(earlierRelease, '{}');
    await loadContentCached(content, cache);
    expect(existsSync(earlierRelease)).toBe(false);
    const [old] = copies();
    const notes = join(content, 'notes', 'models.md');
    writeFileSync(notes, `${readFileSync(notes, 'utf8')}\nOne more line.\n`);
    await loadContentCached(content, cache);
    expect(copies()).toHaveLength(2); // the old copy is recent: a run started before the edit may be reading it

    const anHourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(old!, anHourAgo, anHourAgo);
    writeFileSync(notes, `${readFileSync(notes, 'utf8')}\nAnd another.\n`);
    await loadContentCached(content, cache);
    expect(copies()).not.toContain(old);
    expect(copies()).toHaveLength(2);
  });
});
