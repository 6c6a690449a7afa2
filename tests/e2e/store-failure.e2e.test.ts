// The bot when its database goes away or stops taking writes while it runs: it says "not saved",
// logs at error with a ref, stops touching the health file, and never writes into a deleted file.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ALICE, CHANNEL, G, createHarness, readyAnswer, visibleText, type Harness } from './harness.js';

let h: Harness | undefined;
const cleanups: (() => void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) c();
  await h?.close();
  h = undefined;
});

function chattrWorks(): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'chattr-'));
  try {
    writeFileSync(join(dir, 'p'), '');
    execFileSync('chattr', ['+i', join(dir, 'p')], { stdio: 'ignore' });
    execFileSync('chattr', ['-i', join(dir, 'p')], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function healthFileStops(file: string): Promise<void> {
  // Touched every second while healthy: three quiet seconds mean it stopped.
  const before = statSync(file).mtimeMs;
  await new Promise((r) => setTimeout(r, 3000));
  expect(statSync(file).mtimeMs).toBe(before);
}

async function firstQuizButton(harness: Harness) {
  const quiz = await (await harness.fake.slash(ALICE, G, CHANNEL, 'quiz', { count: 3 })).final();
  const { message, id } = await readyAnswer(harness, ALICE, quiz);
  return { quiz: message, id };
}

describe('a database that goes away under the running bot', () => {
  it('is noticed on the health tick: logged at error, health file stale, answers refused as not saved', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tutor-health-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const healthFile = join(dir, 'healthy');
    h = await createHarness({ env: { HEALTH_FILE: healthFile, HEALTH_CHECK_SECONDS: '1' } });
    await new Promise((r) => setTimeout(r, 1500));
    expect(existsSync(healthFile)).toBe(true);
    const { quiz, id } = await firstQuizButton(h);

    for (const suffix of ['', '-wal', '-shm']) rmSync(`${h.dbPath}${suffix}`, { force: true });
    const logged = await h.bot.waitForLog((l) => l.json?.msg === 'database file is gone: not taking answers until restarted', 5000);
    expect(logged.json?.level).toBe(50);
    expect(String(logged.json?.reason)).toContain('was deleted');

    const reply = await (await h.fake.click(ALICE, quiz, id)).final();
    const text = visibleText(reply);
    expect(text).toContain('Not saved');
    expect(text).not.toContain('Nothing you did was lost');
    const ref = /ref `([0-9a-f]{8})`/.exec(text)?.[1];
    expect(ref).toBeDefined();
    expect(h.bot.logs().some((l) => l.json?.level === 50 && l.json.ref === ref)).toBe(true);
    await healthFileStops(healthFile);
    // Lookups only read: they keep working.
    const lookup = await (await h.fake.slash(ALICE, G, CHANNEL, 'lookup', { query: 'pipe mode' })).final();
    expect(lookup.embeds?.[0]?.title).toBe('Pipe mode');
  });

  it.skipIf(!chattrWorks())('reports a failed write as not saved, and takes answers again once the disk can be written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tutor-health-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const healthFile = join(dir, 'healthy');
    h = await createHarness({ env: { HEALTH_FILE: healthFile, HEALTH_CHECK_SECONDS: '1' } });
    await new Promise((r) => setTimeout(r, 1500));
    expect(existsSync(healthFile)).toBe(true);
    const setZone = async () => visibleText(await (await h!.fake.slash(ALICE, G, CHANNEL, 'stats', { timezone: 'Europe/Berlin' })).final());
    const wal = `${h.dbPath}-wal`;
    execFileSync('chattr', ['+i', wal]);
    let locked = true;
    cleanups.push(() => {
      if (locked) execFileSync('chattr', ['-i', wal]);
    });

    expect(await setZone()).toContain('Not saved');
    await h.bot.waitForLog((l) => l.json?.level === 50 && String(l.json.msg).includes('database'), 5000);
    await healthFileStops(healthFile);

    execFileSync('chattr', ['-i', wal]);
    locked = false;
    await h.bot.waitForLog((l) => l.json?.msg === 'database writable again; taking answers', 5000);
    expect(await setZone()).toContain('Your streak now counts days in Europe/Berlin');
  });
});
