import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from './temp.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

describe('migrations/', () => {
  it('matches src/db/schema.ts (run `npx drizzle-kit generate` after changing the schema)', () => {
    // Generate against a copy, so a drifted schema never writes into the real folder.
    const dir = tempDir();
    const out = join(dir, 'migrations');
    cpSync(join(root, 'migrations'), out, { recursive: true });
    const before = listFiles(out);
    const config = join(dir, 'drizzle.config.ts');
    // drizzle-kit wants `out` relative to the working directory.
    writeFileSync(
      config,
      `export default ${JSON.stringify({ dialect: 'sqlite', schema: join(root, 'src/db/schema.ts'), out: './migrations' })};\n`,
    );

    const run = spawnSync(join(root, 'node_modules/.bin/drizzle-kit'), ['generate', '--config', config], {
      cwd: dir,
      encoding: 'utf8',
      // A rename question would wait for a human: closed stdin, and a timeout in case it still waits.
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 25_000,
    });
    // drizzle-kit exits 0 even on errors, so success is judged by what it says and what it writes.
    const output = `${run.stdout}\n${run.stderr}`;

    expect(listFiles(out), `drizzle-kit wrote a migration, so migrations/ is behind the schema:\n${output}`).toEqual(before);
    expect(output, 'drizzle-kit did not report "no changes"').toMatch(/No schema changes/);
  });
});
