// One fake Discord guild and the real bot process on a fresh database, for each end-to-end scenario.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIMessage } from 'discord.js';
import { expect } from 'vitest';
import { loadContent, type Content } from '../../src/core/content.js';
import { openDatabase, type Database } from '../../src/db/connection.js';
import { startBot, type BotProcess, type StartBotOptions } from '../fake-discord/bot-process.js';
import { startFakeDiscord, type FakeDiscord } from '../fake-discord/server.js';

export const G = '910000000000000001';
export const CHANNEL = '910000000000000011';
export const OTHER_CHANNEL = '910000000000000012';
export const ADMIN = '910000000000000100';
export const ALICE = '910000000000000101';
export const BOB = '910000000000000102';
export const CAROL = '910000000000000103';
export const APP = '910000000000000999';
const TOKEN = 'e2e.bot-token.that-must-never-be-logged';

let content: Content | undefined;
/** The shipped content, loaded once per test file (questions and sections to check replies against). */
export function shippedContent(): Content {
  return (content ??= loadContent(join(import.meta.dirname, '../../knowledge')));
}

export interface Harness {
  fake: FakeDiscord;
  bot: BotProcess;
  dbPath: string;
  token: string;
  setClock(iso: string): void;
  startBot(extraEnv?: Record<string, string>): Promise<BotProcess>;
  /** Reads the bot's database (a second connection; WAL lets it read while the bot writes). */
  withDb<T>(read: (db: Database) => T): T;
  close(): Promise<void>;
}

/** Extra members m0..mN for bursts: ids 910000000000001000 + i. */
export function memberId(i: number): string {
  return String(910000000000001000n + BigInt(i));
}

export async function createHarness(
  options: { clock?: string; env?: Record<string, string>; extraMembers?: number; entry?: StartBotOptions['entry'] } = {},
): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'tutor-e2e-'));
  const dbPath = join(dir, 'tutor.db');
  const clockFile = join(dir, 'clock');
  const setClock = (iso: string) => writeFileSync(clockFile, iso);
  setClock(options.clock ?? new Date().toISOString());
  const fake = await startFakeDiscord({
    applicationId: APP,
    botUserId: APP,
    token: TOKEN,
    guilds: [
      {
        id: G,
        name: 'MLS Study Group',
        channels: [
          { id: CHANNEL, name: 'daily' },
          { id: OTHER_CHANNEL, name: 'general' },
        ],
        members: [
          { id: ADMIN, username: 'admin', manageGuild: true },
          { id: ALICE, username: 'alice', manageGuild: false },
          { id: BOB, username: 'bob', manageGuild: false },
          { id: CAROL, username: 'carol', manageGuild: false },
          ...Array.from({ length: options.extraMembers ?? 0 }, (_, i) => ({ id: memberId(i), username: `member${i}`, manageGuild: false })),
        ],
      },
    ],
  });
  const env = {
    DISCORD_TOKEN: TOKEN,
    DISCORD_API_BASE: fake.apiBase,
    DISCORD_GUILD_ID: G,
    DATABASE_PATH: dbPath,
    NODE_ENV: 'test',
    TEST_CLOCK_FILE: clockFile,
    DAILY_TICK_CRON: '* * * * * *',
    LOG_LEVEL: 'info',
    ...options.env,
  };
  const harness: Harness = {
    fake,
    bot: undefined as unknown as BotProcess,
    dbPath,
    token: TOKEN,
    setClock,
    async startBot(extraEnv = {}) {
      harness.bot = await startBot({ env: { ...env, ...extraEnv }, ...(options.entry ? { entry: options.entry } : {}) });
      await fake.waitForCommands({ guildId: G, names: ['lookup', 'quiz', 'daily'] });
      return harness.bot;
    },
    withDb(read) {
      const db = openDatabase(dbPath);
      try {
        return read(db);
      } finally {
        db.close();
      }
    },
    async close() {
      await harness.bot?.stop().catch(() => undefined);
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await harness.startBot();
  return harness;
}

/** The question ids of a member's open quiz or exam, in order: learners never see ids, so tests read them from the store. */
export function openSessionQuestionIds(h: Harness, personId: string): string[] {
  const row = h.withDb((db) =>
    db.sqlite.prepare('SELECT question_ids FROM sessions WHERE person_id = ? AND finished_at IS NULL ORDER BY id DESC').get(personId),
  ) as { question_ids: string } | undefined;
  if (!row) throw new Error(`${personId} has no open session`);
  return JSON.parse(row.question_ids) as string[];
}

/** The custom_ids of a message's buttons and menus, in order. */
export function customIds(message: APIMessage | undefined): string[] {
  return (message?.components ?? []).flatMap((row) =>
    ('components' in row ? row.components : []).map((c) => ('custom_id' in c ? String(c.custom_id) : '')),
  );
}

/**
 * Readies an answer to the question a quiz message shows: the message to click on and the button
 * that submits. Without `letters`, the first letters: as many as a multiple-response question
 * ("Choose two/three.") asks for, ticked first.
 */
export async function readyAnswer(
  h: Harness,
  user: string,
  message: APIMessage,
  letters?: readonly string[],
): Promise<{ message: APIMessage; id: string }> {
  const singles = customIds(message).filter((id) => id.startsWith('v1:qa:'));
  if (singles.length > 0) return { message, id: letters ? singles.find((id) => id.endsWith(`:${letters[0]}`))! : singles[0]! };
  const count = /\(Choose (two|three)\.\)/.exec(visibleText(message))?.[1] === 'three' ? 3 : 2;
  const ticks = letters ?? 'ABCDEFGH'.slice(0, count).split('');
  let current = message;
  for (const letter of ticks) {
    const toggle = customIds(current).find((id) => id.startsWith('v1:qt:') && id.endsWith(`:${letter}`))!;
    current = await (await h.fake.click(user, current, toggle)).final();
  }
  return { message: current, id: customIds(current).find((id) => id.startsWith('v1:qs:'))! };
}

/** Answers the question a quiz message shows with these letters (see `readyAnswer`); returns the feedback. */
export async function answerWith(h: Harness, user: string, message: APIMessage, letters?: readonly string[]): Promise<APIMessage> {
  const ready = await readyAnswer(h, user, message, letters);
  return (await h.fake.click(user, ready.message, ready.id)).final();
}

/** The text a member sees in a message: content, embed titles, descriptions and fields. */
export function visibleText(message: APIMessage | undefined): string {
  if (!message) return '';
  const embeds = (message.embeds ?? []).map((e) =>
    [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text].join('\n'),
  );
  return [message.content, ...embeds].join('\n');
}

/** After every scenario: Discord's rules held and the token never reached a log line. */
export async function expectCleanRun(h: Harness): Promise<void> {
  await h.fake.settle();
  h.fake.assertNoViolations();
  expect(h.bot.logs().filter((l) => l.raw.includes(h.token))).toEqual([]);
}

/** Polls until `probe` returns something (a message, a row), or fails after `timeoutMs`. */
export async function waitFor<T>(probe: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
