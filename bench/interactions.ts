import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIMessage } from 'discord.js';
import { loadRetrievalCases } from '../tests/retrieval/eval.js';
import { startBot } from '../tests/fake-discord/bot-process.js';
import { startFakeDiscord, type FakeDiscord } from '../tests/fake-discord/server.js';
import { median, percentile, round, type Figure } from './stats.js';

/**
 * 50 members send 1,000 interactions to the real bot process through the fake Discord, each member
 * as fast as the bot answers it (a member waits for one reply before the next click, as people do),
 * all members at once: lookups, quiz answers and "Next", and daily-question answers. Then the same load
 * against a bare discord.js bot (bench/bare-bot.ts) in the same fake: the baseline for the bot's CPU.
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
async function memberLoad(
  fake: FakeDiscord,
  who: string,
  queries: readonly string[],
  daily: APIMessage,
  offset: number,
  count: number,
  thinkMs = 0,
): Promise<number> {
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
        const next =
          buttons.find((id) => id.startsWith('v1:qn:')) ??
          buttons.find((id) => id.startsWith('v1:qa:')) ??
          buttons.find((id) => id.startsWith('v1:qt:'));
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

/** CPU time (user + system, every thread) a process has used so far, in ms, from /proc (100 Hz ticks). */
function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(stat[11]) + Number(stat[12])) * 10;
}

interface Saturation {
  sent: number;
  seconds: number;
  /** CPU the bot process used during the load, and what this process (fake Discord and members) used. */
  botCpuMs: number;
  selfCpuMs: number;
  unanswered: number;
  latencies: number[];
}

/**
 * The saturation load: every member at once, each clicking again as soon as the bot answered, PER_MEMBER
 * interactions each. The bot's CPU is read from /proc around the load; used for the real bot and the
 * bare baseline alike, so both are measured the same way.
 */
async function saturate(fake: FakeDiscord, botPid: number, queries: readonly string[], daily: APIMessage): Promise<Saturation> {
  const before = new Set(fake.acknowledged().map((a) => a.interactionId));
  const botCpuBefore = processCpuMs(botPid);
  const selfCpuBefore = process.cpuUsage();
  const started = performance.now();
  const sent = (
    await Promise.all(Array.from({ length: MEMBERS }, (_, i) => memberLoad(fake, member(i), queries, daily, i * 7, PER_MEMBER)))
  ).reduce((a, b) => a + b, 0);
  const seconds = (performance.now() - started) / 1000;
  const botCpuMs = processCpuMs(botPid) - botCpuBefore;
  const self = process.cpuUsage(selfCpuBefore);
  await fake.settle();
  const load = fake.acknowledged().filter((a) => !before.has(a.interactionId));
  const latencies = load.filter((a) => a.ackMs !== null).map((a) => a.ackMs!);
  return { sent, seconds, botCpuMs, selfCpuMs: (self.user + self.system) / 1000, unanswered: load.length - latencies.length, latencies };
}

/**
 * What the bare bot (bench/bare-bot.ts) answers with, and the "daily post" its members click: answer
 * buttons whose custom ids the load's quiz step picks (`v1:qa:`), so every member runs the same sequence of
 * commands and clicks as against the real bot. An update keeps the same buttons, so clicks never run out.
 */
const BARE_REPLY = {
  content: 'Bare bot: a fixed answer.',
  components: [{ type: 1, components: ['A', 'B', 'C', 'D'].map((l) => ({ type: 2, style: 2, label: l, custom_id: `v1:qa:bare:${l}` })) }],
};

/** Starts bench/bare-bot.ts as tests/fake-discord/bot-process.ts starts src/main.ts: node --import tsx, repo root, piped output. */
async function startBareBot(env: Record<string, string>): Promise<{ pid: number; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'bare-bot.ts')], {
    cwd: join(import.meta.dirname, '..'),
    env: { ...process.env, NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const kill = (): void => void child.kill('SIGKILL');
  process.on('exit', kill); // never outlive the bench, whatever happens to it
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      process.off('exit', kill);
      resolve();
    }),
  );
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bare bot: no "ready" within 20 s\n${output}`)), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-20_000);
      if (/^\{"msg":"ready"/m.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-20_000)));
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`bare bot exited before "ready"\n${output}`));
    });
  });
  try {
    await ready;
  } catch (error) {
    kill();
    await exited;
    throw error;
  }
  return {
    pid: child.pid!,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(kill, 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
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
        members: [
          { id: ADMIN, username: 'admin', manageGuild: true },
          ...Array.from({ length: MEMBERS }, (_, i) => ({ id: member(i), username: `m${i}`, manageGuild: false })),
        ],
      },
    ],
  });
  try {
    const queries = loadRetrievalCases(join(import.meta.dirname, '../tests/retrieval')).map((c) => c.q);
    const bot = await startBot({
      // BENCH_PROFILE_DIR=dir writes a CPU profile of the bot there, to see where its time goes.
      ...(process.env.BENCH_PROFILE_DIR ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] } : {}),
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
      },
    });
    const figures: Figure[] = [];
    let ours: Saturation;
    try {
      await fake.waitForCommands({ guildId: GUILD, names: ['lookup', 'quiz', 'daily'] });
      await (await fake.slash(ADMIN, GUILD, CHANNEL, 'daily', { channel: CHANNEL, time: '09:00', timezone: 'UTC' }, 'set')).response();
      const daily = await fake.waitForChannelMessage(CHANNEL, (m) => Boolean(m.embeds?.[0]?.title?.startsWith('📅')), 10_000);
      ours = await saturate(fake, bot.pid, queries, daily);

      // The same members at a steady pace below saturation: 50 members, one click each every ~0.5 s.
      const beforePaced = new Set(fake.acknowledged().map((a) => a.interactionId));
      const pacedStart = performance.now();
      const pacedSent = (
        await Promise.all(
          Array.from({ length: MEMBERS }, (_, i) => memberLoad(fake, member(i), queries, daily, i * 11, PACED_PER_MEMBER, PACED_THINK_MS)),
        )
      ).reduce((a, b) => a + b, 0);
      const pacedSeconds = (performance.now() - pacedStart) / 1000;
      await fake.settle();
      const paced = fake
        .acknowledged()
        .filter((a) => !beforePaced.has(a.interactionId) && a.ackMs !== null)
        .map((a) => a.ackMs!);
      const failed = bot.logs().filter((l) => l.json?.msg === 'interaction failed').length;
      figures.push(
        { name: 'interactions.count', value: ours.sent },
        { name: 'interactions.unanswered', value: ours.unanswered },
        { name: 'interactions.errors', value: failed },
        { name: 'interactions.violations', value: fake.violations().length },
        { name: 'interactions.ack.p50_ms', value: round(median(ours.latencies), 2) },
        { name: 'interactions.ack.p99_ms', value: round(percentile(ours.latencies, 99), 2) },
        { name: 'interactions.ack.max_ms', value: round(Math.max(...ours.latencies), 2) },
        { name: 'interactions.per_s', value: round(ours.sent / ours.seconds, 1) },
        { name: 'interactions.paced.count', value: pacedSent },
        { name: 'interactions.paced.per_s', value: round(pacedSent / pacedSeconds, 1) },
        { name: 'interactions.paced.ack.p50_ms', value: round(median(paced), 2) },
        { name: 'interactions.paced.ack.p99_ms', value: round(percentile(paced, 99), 2) },
      );
    } finally {
      await bot.stop();
    }

    // The baseline: a bare discord.js bot logs in to the same fake (the commands the real bot registered
    // stay registered) and takes the same saturation load, measured by the same code.
    const violationsBefore = fake.violations().length;
    const post = await fetch(`${fake.apiBase}/v10/channels/${CHANNEL}/messages`, {
      method: 'POST',
      headers: { authorization: `Bot ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...BARE_REPLY, allowed_mentions: { parse: [] } }),
    });
    if (!post.ok) throw new Error(`bare bot's daily post: HTTP ${post.status} ${await post.text()}`);
    const bareDaily = (await post.json()) as APIMessage;
    const bare = await startBareBot({ DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: fake.apiBase, BARE_BOT_REPLY: JSON.stringify(BARE_REPLY) });
    let base: Saturation;
    try {
      base = await saturate(fake, bare.pid, queries, bareDaily);
    } finally {
      await bare.stop();
    }
    if (base.sent !== ours.sent || base.unanswered > 0)
      throw new Error(`bare bot: ${base.sent} sent, ${base.unanswered} unanswered (the real bot: ${ours.sent} sent)`);

    const oursPer = ours.botCpuMs / ours.sent;
    const basePer = base.botCpuMs / base.sent;
    return [
      ...figures,
      // Where the CPU went during the load: the bot, or the fake Discord and the 50 simulated members.
      { name: 'interactions.bot_cpu_ms_per_interaction', value: round(oursPer, 2) },
      { name: 'interactions.fake_cpu_ms_per_interaction', value: round(ours.selfCpuMs / ours.sent, 2) },
      // The same load against a bare discord.js bot: what any bot on this stack costs per interaction.
      { name: 'interactions.baseline.count', value: base.sent },
      { name: 'interactions.baseline.violations', value: fake.violations().length - violationsBefore },
      { name: 'interactions.baseline.bot_cpu_ms_per_interaction', value: round(basePer, 2) },
      { name: 'interactions.bot_cpu_vs_baseline_ratio', value: round(oursPer / basePer, 2) },
    ];
  } finally {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
