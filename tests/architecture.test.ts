// The shape of the code, checked: imports run downhill only, the front ends talk to the engine API
// alone, and no file imports itself back through a circle.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../src');

/** Layers, lowest first; a file may import its own layer or lower ones only. */
const LAYERS: Array<{ name: string; match: (file: string) => boolean }> = [
  { name: 'shared helpers', match: (f) => ['config.ts', 'env.ts', 'format.ts', 'hash.ts', 'logger.ts', 'paths.ts'].includes(f) },
  { name: 'knowledge', match: (f) => f.startsWith('knowledge/') },
  { name: 'quiz rules', match: (f) => f.startsWith('quiz/') },
  { name: 'progress rules', match: (f) => f.startsWith('progress/') },
  { name: 'db', match: (f) => f.startsWith('db/') },
  { name: 'core', match: (f) => f.startsWith('core/') },
  { name: 'engine API', match: (f) => f.startsWith('study/') },
  { name: 'front ends', match: (f) => f.startsWith('discord/') || f.startsWith('cli/') },
  { name: 'entry', match: (f) => f === 'main.ts' },
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : name.endsWith('.ts') ? [relative(SRC, path)] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g;

function importsOf(file: string): string[] {
  const text = readFileSync(join(SRC, file), 'utf8');
  return [...text.matchAll(IMPORT)]
    .map((m) => m[1] ?? m[2]!)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => relative(SRC, resolve(dirname(join(SRC, file)), spec)).replace(/\.js$/, '.ts'));
}

const all = files(SRC);
const graph = new Map(all.map((f) => [f, importsOf(f)]));
const layerOf = (file: string) => LAYERS.findIndex((l) => l.match(file));

describe('the import graph of src/', () => {
  it('puts every file in a layer', () => {
    expect(all.filter((f) => layerOf(f) < 0)).toEqual([]);
  });

  it('runs downhill only', () => {
    const uphill = [...graph].flatMap(([from, tos]) => tos.filter((to) => layerOf(to) > layerOf(from)).map((to) => `${from} -> ${to}`));
    expect(uphill).toEqual([]);
  });

  it('keeps the rules in knowledge/ before quiz/ before progress/, and the front ends apart', () => {
    const crossing = [...graph].flatMap(([from, tos]) =>
      tos
        .filter((to) => (from.startsWith('discord/') && to.startsWith('cli/')) || (from.startsWith('cli/') && to.startsWith('discord/')))
        .map((to) => `${from} -> ${to}`),
    );
    expect(crossing).toEqual([]);
  });

  it('lets the front ends reach the engine through its API (src/study) only: no db/, no rule module directly', () => {
    const reaching = [...graph].flatMap(([from, tos]) =>
      (from.startsWith('discord/') || from.startsWith('cli/') ? tos : [])
        .filter(
          (to) =>
            !to.startsWith(from.split('/')[0]!) &&
            !to.startsWith('study/') &&
            !['config.ts', 'env.ts', 'format.ts', 'hash.ts', 'logger.ts', 'paths.ts'].includes(to),
        )
        .map((to) => `${from} -> ${to}`),
    );
    expect(reaching).toEqual([]);
  });

  it('has no circle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'visiting') {
        cycles.push([...path.slice(path.indexOf(file)), file].join(' -> '));
        return;
      }
      state.set(file, 'visiting');
      for (const to of graph.get(file) ?? []) visit(to, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of all) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
