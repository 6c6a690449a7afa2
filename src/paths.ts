import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the package's own files are, wherever the code runs from: src/ through tsx, or the bundle in
 * dist/, whose chunks sit at other depths than the sources they came from. The cwd may be anything.
 */
function packageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

const here = dirname(fileURLToPath(import.meta.url));
const root = packageRoot(here);

/** A file or folder of the package: `packagePath('knowledge')`, `packagePath('assets', 'fonts')`. */
export function packagePath(...parts: string[]): string {
  return join(root, ...parts);
}

/** The folder of the running code: src/ or dist/. */
export const CODE_DIR = join(root, relative(root, here).split(sep)[0] ?? '');
