// `npm run build` and npm's `prepare` step (which `npm ci` runs): compile src/ to dist/ so the terminal
// tutor starts without compiling TypeScript, then stamp the build. Skipped where there is no source to
// build (an install of dependencies alone, as in the Docker image's first stage).
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

if (!existsSync('src') || !existsSync('tsconfig.build.json')) process.exit(0);
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
writeFileSync('dist/.built', `${new Date().toISOString()}\n`);
