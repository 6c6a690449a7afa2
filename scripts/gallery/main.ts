// `npm run gallery [-- --only quiz,daily] [--screenshot] [--render-only]`: runs the scenarios through
// the real bot and the fake Discord, then writes gallery/index.html (desktop and phone side by side),
// and with --screenshot gallery/desktop.png and gallery/phone.png.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ADMIN, ALICE, APP, BOB, CAROL, CHANNEL, OTHER_CHANNEL, createHarness, type Harness } from '../../tests/e2e/harness.js';
import { Hands } from './actions.js';
import { Recorder, type Gallery, type ScenarioRecord } from './record.js';
import { COLUMN_WIDTH, PAGE_PADDING, renderGallery, type Column } from './render-html.js';
import { SCENARIOS, type Scenario } from './scenarios.js';
import { findChromium, INSTALL_HINT, screenshotPage } from './screenshot.js';

const ROOT = join(import.meta.dirname, '../..');
const OUT = join(ROOT, 'gallery');
const DATA = join(OUT, 'gallery.json');

const USERS: Record<string, string> = { [ADMIN]: 'admin', [ALICE]: 'alice', [BOB]: 'bob', [CAROL]: 'carol', [APP]: 'StudyBot' };
const CHANNELS: Record<string, string> = { [CHANNEL]: 'daily', [OTHER_CHANNEL]: 'general' };

const USAGE = `usage: npm run gallery [-- options]
  --only a,b      run only these scenarios (${SCENARIOS.map((s) => s.id).join(', ')})
  --screenshot    also write gallery/desktop.png and gallery/phone.png (needs Debian's chromium)
  --render-only   redraw the HTML from gallery/gallery.json without running the bot`;

interface Args {
  only: string[] | null;
  screenshot: boolean;
  renderOnly: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { only: null, screenshot: false, renderOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--screenshot') args.screenshot = true;
    else if (a === '--render-only') args.renderOnly = true;
    else if (a === '--only' || a.startsWith('--only=')) {
      const value = a === '--only' ? argv[++i] : a.slice('--only='.length);
      if (!value) throw new Error('--only needs scenario names, e.g. --only quiz,daily');
      args.only = value.split(',').map((s) => s.trim());
      const unknown = args.only.filter((id) => !SCENARIOS.some((s) => s.id === id));
      if (unknown.length > 0) throw new Error(`unknown scenario ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.id).join(', ')}`);
    } else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown option ${a}\n${USAGE}`);
  }
  return args;
}

async function runScenario(scenario: Scenario): Promise<ScenarioRecord> {
  let harness: Harness | undefined;
  const hands = new Hands(() => harness!, {
    ...USERS,
    ...Object.fromEntries(Object.entries(CHANNELS).map(([id, name]) => [id, `#${name}`])),
  });
  const rec = new Recorder(() => harness!, USERS, scenario.id, scenario.title, hands.commands);
  const started = Date.now();
  try {
    harness = await createHarness({ ...(scenario.clock ? { clock: scenario.clock } : {}), ...(scenario.env ? { env: scenario.env } : {}) });
    await scenario.run({ h: harness, hands, rec });
    await harness.fake.settle();
    const violations = harness.fake.violations();
    if (violations.length > 0)
      rec.remark(
        `${scenario.id} · Discord would have rejected something`,
        violations.map((v) => `${v.rule}: ${v.detail}${v.route ? ` (${v.route})` : ''}`).join('\n'),
      );
  } catch (error) {
    rec.record.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
  } finally {
    await harness?.close();
  }
  const status = rec.record.error ? `STOPPED: ${rec.record.error.split('\n')[0]}` : 'ok';
  console.log(
    `  ${scenario.id.padEnd(12)} ${String(rec.record.shots.length).padStart(3)} steps  ${((Date.now() - started) / 1000).toFixed(1)} s  ${status}`,
  );
  return rec.record;
}

function write(path: string, text: string): void {
  writeFileSync(path, text);
  console.log(`wrote ${relative(ROOT, path)}`);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  mkdirSync(OUT, { recursive: true });
  let gallery: Gallery;
  if (args.renderOnly) {
    if (!existsSync(DATA)) throw new Error(`${relative(ROOT, DATA)} is missing: run \`npm run gallery\` once first.`);
    gallery = JSON.parse(readFileSync(DATA, 'utf8')) as Gallery;
    if (args.only) gallery.scenarios = gallery.scenarios.filter((s) => args.only!.includes(s.id));
  } else {
    const chosen = SCENARIOS.filter((s) => !args.only || args.only.includes(s.id));
    console.log(`running ${chosen.length} scenario${chosen.length === 1 ? '' : 's'} through the bot and the fake Discord`);
    const scenarios: ScenarioRecord[] = [];
    for (const s of chosen) scenarios.push(await runScenario(s));
    gallery = { generatedAt: new Date().toISOString(), users: USERS, channels: CHANNELS, scenarios };
    // With --only, the other scenarios of an earlier run stay in gallery.json for a later --render-only.
    const saved = args.only && existsSync(DATA) ? (JSON.parse(readFileSync(DATA, 'utf8')) as Gallery) : null;
    const merged = saved
      ? SCENARIOS.map((s) => scenarios.find((r) => r.id === s.id) ?? saved.scenarios.find((r) => r.id === s.id)).filter(
          (r): r is ScenarioRecord => r !== undefined,
        )
      : scenarios;
    write(DATA, JSON.stringify({ ...gallery, scenarios: merged }, null, 1));
  }
  write(join(OUT, 'index.html'), renderGallery(gallery, { columns: ['desktop', 'phone'] }));
  const stopped = gallery.scenarios.filter((s) => s.error);
  if (stopped.length > 0) console.log(`note: ${stopped.map((s) => s.id).join(', ')} stopped early; the page says where.`);
  if (!args.screenshot) return;

  const browser = findChromium();
  if (!browser) {
    console.error(INSTALL_HINT);
    process.exitCode = 2;
    return;
  }
  for (const column of ['desktop', 'phone'] as const satisfies readonly Column[]) {
    const html = join(OUT, `${column}.html`);
    writeFileSync(html, renderGallery(gallery, { columns: [column], measure: true }));
    const png = join(OUT, `${column}.png`);
    const height = screenshotPage(browser, html, png, COLUMN_WIDTH[column] + 2 * PAGE_PADDING);
    console.log(`wrote ${relative(ROOT, png)} (${COLUMN_WIDTH[column] + 2 * PAGE_PADDING} × ${height} px)`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
