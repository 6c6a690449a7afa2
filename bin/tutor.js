#!/usr/bin/env node
// The package's `tutor` command. Runs the bundled JavaScript (built by `npm ci` / `npm run build`)
// when it is at least as new as every source file; after an edit to src/ it runs the source through
// tsx instead, so it is never stale.
import { existsSync, readdirSync, statSync } from 'node:fs';
import module from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stamp = join(root, 'dist', '.built');
const src = join(root, 'src');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

// Node 22 keeps compiled code between runs (the Docker image); Node 20 has no such cache.
module.enableCompileCache?.();

if (existsSync(stamp) && (!existsSync(src) || newest(src) <= statSync(stamp).mtimeMs)) {
  await import('../dist/cli/main.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
