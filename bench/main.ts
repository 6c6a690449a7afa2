import { parseArgs } from 'node:util';
import type { Figure } from './stats.js';

/**
 * `npm run bench [-- --json] [-- --only lookup,store,interactions,cli]`: every figure comes from this run,
 * baselines included, so ratios compare like with like on this machine.
 */
const suites: Record<string, () => Promise<Figure[]>> = {
  lookup: async () => (await import('./lookup.js')).run(),
  store: async () => (await import('./store.js')).run(),
  interactions: async () => (await import('./interactions.js')).run(),
  cli: async () => (await import('./cli.js')).run(),
  readiness: async () => (await import('./readiness.js')).run(),
  card: async () => (await import('./card.js')).run(),
};

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false }, only: { type: 'string' } } });
const chosen = values.only ? values.only.split(',').map((s) => s.trim()) : Object.keys(suites);
const unknown = chosen.filter((name) => !(name in suites));
if (unknown.length > 0) {
  process.stderr.write(`unknown suite(s): ${unknown.join(', ')}; choose from ${Object.keys(suites).join(', ')}\n`);
  process.exit(2);
}

for (const name of chosen) {
  if (!values.json) process.stdout.write(`\n${name}\n`);
  const started = Date.now();
  const figures = await suites[name]!();
  for (const f of figures)
    process.stdout.write(values.json ? `${JSON.stringify(f)}\n` : `  ${f.name.padEnd(48)} ${String(f.value).padStart(12)}\n`);
  if (!values.json) process.stdout.write(`  (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}
