// Full-page screenshots of a gallery page with Debian's headless Chromium: one run measures the page
// height (--dump-dom), a second takes the picture at that height (--screenshot --window-size).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

export const INSTALL_HINT = [
  'Screenshots need a headless Chromium, which is not a project dependency. On Debian or Ubuntu:',
  '  apt-get update && apt-get install -y chromium fonts-noto-color-emoji',
  'then run `npm run gallery -- --screenshot` again (the HTML gallery was written all the same).',
].join('\n');

/** The first Chromium on PATH, or null. */
export function findChromium(): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter))
    for (const name of CANDIDATES) if (dir && existsSync(join(dir, name))) return join(dir, name);
  return null;
}

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--force-device-scale-factor=1', '--no-first-run'];

function chromium(browser: string, args: string[]): string {
  const run = spawnSync(browser, [...FLAGS, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 120_000 });
  if (run.status !== 0) throw new Error(`${browser} ${args.join(' ')} failed (${run.status ?? run.signal}):\n${run.stderr.slice(-2000)}`);
  return run.stdout;
}

/** Writes a PNG of the whole page at the given window width; returns the page height. */
export function screenshotPage(browser: string, htmlPath: string, pngPath: string, width: number): number {
  const url = pathToFileURL(htmlPath).href;
  const dom = chromium(browser, [`--window-size=${width},900`, '--dump-dom', url]);
  const measured = /data-height="(\d+)"/.exec(dom);
  if (!measured) throw new Error(`could not measure ${htmlPath}: the page did not report its height`);
  // A little slack: late font loads (emoji) can make the page taller than it measured.
  const height = Number(measured[1]) + 64;
  chromium(browser, [`--window-size=${width},${height}`, `--screenshot=${pngPath}`, url]);
  return height;
}
