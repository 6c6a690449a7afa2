import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIMessage } from 'discord.js';
import { loadRetrievalCases } from '../src/knowledge/retrieval-eval.js';
import { startBot } from '../tests/fake-discord/bot-process.js';
import { startFakeDiscord, type FakeDiscord } from '../tests/fake-discord/server.js';
import { median, percentile, round, type Figure } from './stats.js';

/**
 * 50 members send 1,000 interactions to the real bot process through the fake Discord, each member
 * as fast as the bot answers it (a member waits for one reply before the next click, as people do),
 * all members at once: lookups, quiz answers and "Next", and daily-question answers.
 */
const MEMBERS = 50;
const PER_MEMBER = 20;
const PACED_PER_MEMBER = 10;
const PACED_THINK_MS = 500;
const GUILD = '920000000000000001';
const CHANNEL = '920000000000000011';
const ADMIN = '920000000000000100';
const APP = '920000000000000999';
const TOKEN = 'bench.bot-token';
const member = (i: number) => String(920000000000001000n + BigInt(i));

/** The enabled buttons and menus of a message, by custom_id. */
const ids = (m: APIMessage | undefined): string[] =>
  ((m?.components ?? []) as unknown as Array<{ components?: Array<{ custom_id?: string; disabled?: boolean }> }>)
    .flatMap((row) => row.components ?? [])
    .filter((c) => c.custom_id !== undefined && !c.disabled)
    .map((c) => c.custom_id!);

async function messageOf(pending: Promise<{ response(): Promise<{ message?: APIMessage }> }>): Promise<APIMessage | undefined> {
  return (await (await pending).response()).message;
}

/**
 * One member's session: a quiz, lookups between questions, and the daily question. `thinkMs` 0 clicks
 * again as soon as the bot answered (saturation); otherwise the member pauses that long between clicks.
 */
async function memberLoad(fake: FakeDiscord, who: string, queries: readonly string[], daily: APIMessage, offset: number, count: number, thinkMs = 0): Promise<number> {
  let sent = 0;
  let quiz: APIMessage | undefined;
  for (let i = 0; sent < count; i++) {
    if (thinkMs > 0) await new Promise((r) => setTimeout(r, thinkMs * (0.5 + Math.random())));
    const kind = i % 4;
    if (kind === 0 || kind === 2) {
      await messageOf(fake.slash(who, GUILD, CHANNEL, 'lookup', { query: queries[(offset + i) % queries.length]! }));
    } else if (kind === 1) {
      if (!quiz || ids(quiz).length === 0) quiz = await messageOf(fake.slash(who, GUILD, CHANNEL, 'quiz', { count: 25, new: true }));
      else {
        const buttons = ids(quiz);
        const next = buttons.find((id) => id.startsWith('v1:qn:')) ?? buttons.find((id) => id.startsWith('v1:qa:')) ?? buttons.find((id) => id.startsWith('v1:qt:'));
        const submit = buttons.find((id) => id.startsWith('v1:qs:'));
        quiz = (await messageOf(fake.click(who, quiz, submit ?? next!))) ?? quiz;
      }
    } else {
      await messageOf(fake.click(who, daily, ids(daily)[(offset + i) % ids(daily).length]!));
    }
    sent++;
  }
  return sent;
}

export async function run(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-bot-'));
  const clock = join(dir, 'clock');
  writeFileSync(clock, '2026-06-01T08:59:59Z');
  const fake = await startFakeDiscord({
    applicationId: APP,
    botUserId: APP,
    token: TOKEN,
    guilds: [
      {
        id: GUILD,
        name: 'Bench',
        channels: [{ id: CHANNEL, name: 'study' }],
        members: [{ id: ADMIN, username: 'admin', manageGuild: true }, ...Array.from({ length: MEMBERS }, (_, i) => ({ id: member(i), username: `m${i}`, manageGuild: false }))],
      },
    ],
  });
  const bot = await startBot({
    env: {
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_BASE: fake.apiBase,
      DISCORD_GUILD_ID: GUILD,
      DATABASE_PATH: join(dir, 'tutor.db'),
      NODE_ENV: 'test',
      TEST_CLOCK_FILE: clock,
      DAILY_TICK_CRON: '* * * * * *',
      // The load is 50 people at full speed; the per-person limit is not what is measured here.
      RATE_LIMIT_PER_MINUTE: '600',
      LOG_LEVEL: 'info',
      ...(process.env.BENCH_PROFILE ? { NODE_OPTIONS: '--require /tmp/profhook.cjs' } : {}),
    },
  });
  try {
    await fake.waitForCommands({ guildId: GUILD, names: ['lookup', 'quiz', 'daily'] });
    await (await fake.slash(ADMIN, GUILD, CHANNEL, 'daily', { channel: CHANNEL, time: '09:00', timezone: 'UTC' }, 'set')).response();
    const daily = await fake.waitForChannelMessage(CHANNEL, (m) => Boolean(m.embeds?.[0]?.title?.startsWith('📅')), 10_000);
    const queries = loadRetrievalCases(join(import.meta.dirname, '../tests/retrieval')).map((c) => c.q);
    const before = new Set(fake.acknowledged().map((a) => a.interactionId));

    const cpu = () => {
      const stat = readFileSync(`/proc/${bot.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(stat[11]) + Number(stat[12])) * 10; // utime + stime in ms (100 Hz ticks)
    };
    const botCpuBefore = cpu();
    const selfCpuBefore = process.cpuUsage();
    const started = performance.now();
    const sent = (await Promise.all(Array.from({ length: MEMBERS }, (_, i) => memberLoad(fake, member(i), queries, daily, i * 7, PER_MEMBER)))).reduce((a, b) => a + b, 0);
    const seconds = (performance.now() - started) / 1000;
    const botCpu = (cpu() - botCpuBefore) / 1000;
    const self = process.cpuUsage(selfCpuBefore);
    const selfCpu = (self.user + self.system) / 1e6;
    await fake.settle();

    const load = fake.acknowledged().filter((a) => !before.has(a.interactionId));
    const latencies = load.filter((a) => a.ackMs !== null).map((a) => a.ackMs!);

    // The same members at a steady pace below saturation: 50 members, one click each every ~0.5 s.
    const beforePaced = new Set(fake.acknowledged().map((a) => a.interactionId));
    const pacedStart = performance.now();
    const pacedSent = (await Promise.all(Array.from({ length: MEMBERS }, (_, i) => memberLoad(fake, member(i), queries, daily, i * 11, PACED_PER_MEMBER, PACED_THINK_MS)))).reduce((a, b) => a + b, 0);
    const pacedSeconds = (performance.now() - pacedStart) / 1000;
    await fake.settle();
    const paced = fake
      .acknowledged()
      .filter((a) => !beforePaced.has(a.interactionId) && a.ackMs !== null)
      .map((a) => a.ackMs!);
    const failed = bot.logs().filter((l) => l.json?.msg === 'interaction failed').length;
    return [
      { name: 'interactions.count', value: sent },
      { name: 'interactions.unanswered', value: load.length - latencies.length },
      { name: 'interactions.errors', value: failed },
      { name: 'interactions.violations', value: fake.violations().length },
      { name: 'interactions.ack.p50_ms', value: round(median(latencies), 2) },
      { name: 'interactions.ack.p99_ms', value: round(percentile(latencies, 99), 2) },
      { name: 'interactions.ack.max_ms', value: round(Math.max(...latencies), 2) },
      { name: 'interactions.per_s', value: round(sent / seconds, 1) },
      { name: 'interactions.paced.count', value: pacedSent },
      { name: 'interactions.paced.per_s', value: round(pacedSent / pacedSeconds, 1) },
      { name: 'interactions.paced.ack.p50_ms', value: round(median(paced), 2) },
      { name: 'interactions.paced.ack.p99_ms', value: round(percentile(paced, 99), 2) },
      // Where the CPU went during the load: the bot, or the fake Discord and the 50 simulated members.
      { name: 'interactions.bot_cpu_ms_per_interaction', value: round((1000 * botCpu) / sent, 2) },
      { name: 'interactions.fake_cpu_ms_per_interaction', value: round((1000 * selfCpu) / sent, 2) },
    ];
  } finally {
    await bot.stop();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
