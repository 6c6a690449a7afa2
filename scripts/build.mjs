// `npm run build` and npm's `prepare` step (which `npm ci` runs): bundle src/ into dist/ so the terminal
// tutor and the bot start without compiling TypeScript or resolving hundreds of small modules, then
// stamp the build. Skipped where there is no source to build (an install of dependencies alone, as
// in the Docker image's first stage). Type checking is `tsc --noEmit`, part of `npm test`.
import { existsSync, rmSync, writeFileSync } from 'node:fs';

if (!existsSync('src')) process.exit(0);
const { build } = await import('esbuild');

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: ['src/main.ts', 'src/cli/main.ts', 'src/discord/register-cli.ts'],
  outbase: 'src',
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  // Shared code goes into chunks and each command's modules stay behind their dynamic import.
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  // Native modules, and packages that load their own files or workers at run time, stay in node_modules.
  external: ['better-sqlite3', '@resvg/resvg-js', 'discord.js', 'pino'],
  // Bundled CommonJS packages may call require() for Node's own modules.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
writeFileSync('dist/.built', `${new Date().toISOString()}\n`);
