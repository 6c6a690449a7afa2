// Proves the fake Discord with a tiny discord.js client in this process (not the bot): the
// client logs in against the fake, registers commands, answers interactions the fake dispatches,
// and the fake records what Discord would reject or what this project forbids.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ApplicationCommandOptionType,
  ChannelType,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  InteractionContextType,
  MessageFlags,
  type Interaction as DjsInteraction,
  type TextChannel,
} from 'discord.js';
import { startBot } from './fake-discord/bot-process.js';
import { startFakeDiscord, type FakeDiscord } from './fake-discord/server.js';
import { checkAutocompleteChoices, checkMessageBody, type Problem } from './fake-discord/validate.js';

const G = '900000000000000001';
const C = '900000000000000011';
const C2 = '900000000000000012';
const C3 = '900000000000000013';
const ALICE = '900000000000000101';
const BOB = '900000000000000102';
const APP = '900000000000000999';
const TOKEN = 'fake-bot-token';

let fake: FakeDiscord;
let client: Client;
let readyMs = 0;
/** What the client's handlers saw, for the tests to check. */
const seen: {
  quizReplyId?: string;
  badError?: number;
  lookup?: { where?: string; who?: string };
  dm?: {
    inGuild: boolean;
    guildId: string | null;
    user: string;
    hasMember: boolean;
    context: number | null;
    who?: string;
    whoIsMember: boolean;
  };
} = {};

async function onInteraction(i: DjsInteraction): Promise<void> {
  if (i.isAutocomplete()) {
    const typed = i.options.getFocused();
    await i.respond([
      { name: `${typed} mode`, value: `${typed}-mode` },
      { name: `${typed} line`, value: `${typed}-line` },
    ]);
    return;
  }
  if (i.isChatInputCommand()) {
    switch (i.commandName) {
      case 'lookup': {
        seen.lookup = { where: i.options.getChannel('where')?.name ?? undefined, who: i.options.getUser('who')?.username };
        await i.reply({ content: 'Searching…', flags: MessageFlags.Ephemeral });
        const query = i.options.getString('query', true);
        await i.editReply({ content: '', embeds: [{ title: `Results for ${query}`, description: 'Pipe mode streams data from S3.' }] });
        return;
      }
      case 'group':
        await i.deferReply();
        await i.editReply(`${i.options.getSubcommand()} ${i.options.getString('name', true)}`);
        return;
      case 'quiz': {
        const res = await i.reply({
          content: 'Which SageMaker input mode streams from S3?',
          components: [
            {
              type: 1,
              components: [
                { type: 2, style: 2, label: 'File mode', custom_id: 'answer:A' },
                { type: 2, style: 2, label: 'Pipe mode', custom_id: 'answer:B' },
              ],
            },
          ],
          withResponse: true,
        });
        seen.quizReplyId = res.resource?.message?.id;
        return;
      }
      case 'notes': {
        // Answered in a DM: no guild, no member; the same reply flow as in a guild.
        seen.dm = {
          inGuild: i.inGuild(),
          guildId: i.guildId,
          user: i.user.id,
          hasMember: i.member !== null,
          context: i.context,
          who: i.options.getUser('who')?.username,
          whoIsMember: i.options.getMember('who') !== null,
        };
        await i.deferReply({ flags: MessageFlags.Ephemeral });
        await i.editReply('Your notes are private.');
        await i.followUp({
          content: 'Mark them as read?',
          flags: MessageFlags.Ephemeral,
          components: [{ type: 1, components: [{ type: 2, style: 1, label: 'Read', custom_id: 'notes:read' }] }],
        });
        return;
      }
      case 'bad':
        try {
          await i.reply({
            content: 'x',
            components: [{ type: 1, components: [{ type: 2, style: 1, label: 'Go', custom_id: 'x'.repeat(101) }] }],
          });
        } catch (err) {
          seen.badError = err instanceof DiscordAPIError ? Number(err.code) : -1;
        }
        return;
      default:
        return; // 'raw' and 'quiet' are answered by the test itself, or not at all.
    }
  }
  if (i.isButton() && i.customId.startsWith('answer:')) {
    await i.deferUpdate();
    await i.editReply({ content: `You chose ${i.customId.slice('answer:'.length)}`, components: [] });
  }
  if (i.isButton() && i.customId === 'notes:read') await i.update({ content: `Marked as read for ${i.user.username}`, components: [] });
}

async function rawCallback(id: string, token: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${fake.apiBase}/v10/interactions/${id}/${token}/callback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as unknown) : null };
}

async function until(probe: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  fake = await startFakeDiscord({
    applicationId: APP,
    botUserId: APP,
    token: TOKEN,
    guilds: [
      {
        id: G,
        name: 'Study Group',
        channels: [
          { id: C, name: 'general' },
          { id: C2, name: 'daily' },
          { id: C3, name: 'private' },
        ],
        members: [
          { id: ALICE, username: 'alice', manageGuild: true },
          { id: BOB, username: 'bob', manageGuild: false },
        ],
      },
    ],
  });
  client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiBase }, allowedMentions: { parse: [] } });
  client.on(Events.InteractionCreate, (i) => void onInteraction(i));
  const started = Date.now();
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(TOKEN);
  await ready;
  readyMs = Date.now() - started;
  await fake.waitForReady();
  await client.application?.commands.set(
    [
      {
        name: 'lookup',
        description: 'Search the notes',
        options: [
          { type: ApplicationCommandOptionType.String, name: 'query', description: 'What to look for', required: true, autocomplete: true },
          { type: ApplicationCommandOptionType.Channel, name: 'where', description: 'A channel', channelTypes: [ChannelType.GuildText] },
          { type: ApplicationCommandOptionType.User, name: 'who', description: 'A member' },
        ],
      },
      {
        name: 'group',
        description: 'Study groups',
        options: [
          {
            type: ApplicationCommandOptionType.Subcommand,
            name: 'join',
            description: 'Join a group',
            options: [{ type: ApplicationCommandOptionType.String, name: 'name', description: 'Group name', required: true }],
          },
        ],
      },
      { name: 'quiz', description: 'One question' },
      { name: 'bad', description: 'Breaks a rule' },
      { name: 'raw', description: 'Answered by raw REST' },
      { name: 'quiet', description: 'Never answered' },
    ],
    G,
  );
});

afterEach(() => fake.clearViolations());

afterAll(async () => {
  await client?.destroy();
  await fake?.close();
});

describe('fake Discord with a discord.js client', () => {
  it('logs in quickly and registers guild commands', () => {
    expect(readyMs).toBeLessThan(3000); // no 15 s wait for unavailable guilds
    expect(client.guilds.cache.get(G)?.channels.cache.get(C)?.name).toBe('general');
    expect(fake.registeredCommands(G).map((c) => c.name)).toEqual(['lookup', 'group', 'quiz', 'bad', 'raw', 'quiet']);
    expect(fake.registeredCommands()).toEqual([]);
    expect(fake.gatewayInfo()).toMatchObject({ connected: true, identifies: 1, intents: GatewayIntentBits.Guilds });
  });

  it('dispatches a slash command; the ephemeral reply and its edit are read through final()', async () => {
    const r = await fake.slash('alice', G, C, 'lookup', { query: 'pipe mode', where: 'daily', who: 'bob' });
    const first = await r.response();
    expect(first.type).toBe(4);
    expect(first.data?.allowed_mentions).toEqual({ parse: [] });
    const msg = await r.final();
    expect(msg.embeds[0]?.title).toBe('Results for pipe mode');
    expect((msg.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(msg.author.id).toBe(APP);
    expect(seen.lookup).toEqual({ where: 'daily', who: 'bob' });
    // Ephemeral: not part of what the channel shows.
    expect(fake.channelMessages(C).some((m) => m.id === msg.id)).toBe(false);
    const ack = fake.acknowledged().find((a) => a.interactionId === r.id);
    expect(ack?.callbackType).toBe(4);
    expect(ack?.ackMs).toBeLessThan(3000);
    fake.assertNoViolations();
  });

  it('answers autocomplete and nests subcommand options', async () => {
    const ac = await fake.autocomplete('bob', G, C, 'lookup', 'query', 'pipe');
    const choices = (await ac.response()).choices;
    expect(choices?.map((c) => c.value)).toEqual(['pipe-mode', 'pipe-line']);

    const r = await fake.slash('bob', G, C, 'group join', { name: 'night-owls' });
    expect(r.payload.data).toMatchObject({
      name: 'group',
      options: [{ type: 1, name: 'join', options: [{ name: 'name', value: 'night-owls' }] }],
    });
    const msg = await r.final();
    expect(msg.content).toBe('join night-owls');
    expect(fake.channelMessages(C).some((m) => m.id === msg.id)).toBe(true);
    await expect(fake.slash('bob', G, C, 'nope')).rejects.toThrow(/not registered/);
    fake.assertNoViolations();
  });

  it('round-trips a button: reply with_response, click, deferUpdate + editReply', async () => {
    const r = await fake.slash('bob', G, C, 'quiz');
    const question = await r.final();
    expect(seen.quizReplyId).toBe(question.id);
    const click = await fake.click('bob', question, 'answer:B');
    expect((await click.response()).type).toBe(6);
    const after = await click.final();
    expect(after.id).toBe(question.id);
    expect(after.content).toBe('You chose B');
    expect(after.components).toEqual([]);
    await expect(fake.click('bob', after, 'answer:A')).rejects.toThrow(/no component/);
    fake.assertNoViolations();
  });

  it('records a reply without allowed_mentions, and rejects a second reply with 40060', async () => {
    const r = await fake.slash('alice', G, C, 'raw');
    const first = await rawCallback(r.id, r.token, { type: 4, data: { content: 'hello @everyone' } });
    expect(first.status).toBe(204);
    expect(fake.violations().map((v) => v.rule)).toEqual(['allowed-mentions']);

    const second = await rawCallback(r.id, r.token, { type: 4, data: { content: 'again', allowed_mentions: { parse: [] } } });
    expect(second.status).toBe(400);
    expect(second.json).toMatchObject({ code: 40060 });
    expect(fake.violations().map((v) => v.rule)).toContain('single-ack');
  });

  it('allows follow-ups only after an acknowledgement and within 15 minutes', async () => {
    const r = await fake.slash('alice', G, C, 'raw');
    const followUp = (): Promise<Response> =>
      fetch(`${fake.apiBase}/v10/webhooks/${APP}/${r.token}?wait=true`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ content: 'more', allowed_mentions: { parse: [] } }),
      });
    expect((await followUp()).status).toBe(404);
    expect(fake.violations().map((v) => v.rule)).toEqual(['ack-before-webhook']);
    expect((await rawCallback(r.id, r.token, { type: 5 })).status).toBe(204);
    const ok = await followUp();
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { content: string }).content).toBe('more');
    fake.advanceTime(15 * 60_000 + 1000);
    expect((await followUp()).status).toBe(401);
    expect(fake.violations().map((v) => v.rule)).toEqual(['ack-before-webhook', 'followup-within-15min']);
  });

  it('rejects an over-long custom_id with 50035 and records it', async () => {
    seen.badError = undefined;
    const r = await fake.slash('alice', G, C, 'bad');
    await until(() => seen.badError !== undefined);
    expect(seen.badError).toBe(50035);
    const v = fake.violations();
    expect(v[0]?.interactionId).toBe(r.id);
    expect(v.map((x) => x.rule)).toEqual(['component-limits']);
    expect(v[0]?.detail).toMatch(/custom_id.*100 or fewer/);
  });

  it('posts to channels and reports deleted and inaccessible ones as Discord does', async () => {
    const channel = (await client.channels.fetch(C2)) as TextChannel;
    const posted = await channel.send('Daily question: what is pipe mode?');
    expect(fake.channelMessages(C2).map((m) => m.content)).toEqual(['Daily question: what is pipe mode?']);
    expect(fake.messageById(posted.id)?.author.id).toBe(APP);

    fake.setChannelState(C3, 'missing-access');
    const hidden = (await client.channels.fetch(C3)) as TextChannel;
    await expect(hidden.send('hi')).rejects.toMatchObject({ code: 50001, status: 403 });
    fake.setChannelState(C2, 'deleted', { notify: false });
    await expect(channel.send('hi')).rejects.toMatchObject({ code: 10003, status: 404 });
    fake.setChannelState(C2, 'ok', { notify: false });

    await expect(client.rest.get(`/guilds/${G}/bans`)).rejects.toMatchObject({ status: 404 });
    expect(fake.violations().map((v) => v.rule)).toEqual(['unknown-route']);
  });

  it('records an interaction left unanswered for 3 seconds', async () => {
    const r = await fake.slash('bob', G, C, 'quiet');
    await new Promise((resolve) => setTimeout(resolve, 3150));
    // Only this interaction's: the rejected 'bad' reply above also never got acknowledged.
    const v = fake.violations().filter((x) => x.interactionId === r.id);
    expect(v.map((x) => x.rule)).toEqual(['ack-within-3s']);
    expect(v[0]?.detail).toContain('3 seconds');
    // Too late now: Discord has forgotten the interaction.
    const late = await rawCallback(r.id, r.token, { type: 4, data: { content: 'late', allowed_mentions: { parse: [] } } });
    expect(late.json).toMatchObject({ code: 10062 });
  });
});

describe('direct messages with the bot', () => {
  it('runs a global BotDM command in a DM, and refuses guild-only ones with a clear error', async () => {
    // Global commands (the guild ones above are not usable in DMs).
    await client.application?.commands.create({
      name: 'notes',
      description: 'Your notes',
      contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
      options: [{ type: ApplicationCommandOptionType.User, name: 'who', description: 'Someone' }],
    });
    await client.application?.commands.create({ name: 'setup', description: 'Server only', contexts: [InteractionContextType.Guild] });
    await fake.waitForCommands({ names: ['notes', 'setup'] });

    const r = await fake.slashInDm('bob', 'notes', { who: 'alice' });
    const p = r.payload;
    expect(p.guild_id).toBeUndefined();
    expect(p.member).toBeUndefined();
    expect(p.user?.id).toBe(BOB);
    expect(p.context).toBe(1);
    expect(p.authorizing_integration_owners).toEqual({ '1': BOB });
    expect(typeof p.app_permissions).toBe('string');
    expect(p.channel).toMatchObject({ type: ChannelType.DM, recipients: [{ id: BOB }] });
    expect(p.data).toMatchObject({
      name: 'notes',
      options: [{ name: 'who', value: ALICE }],
      resolved: { users: { [ALICE]: { username: 'alice' } } },
    });
    expect(p.data && 'resolved' in p.data ? p.data.resolved : undefined).not.toHaveProperty('members');

    // Deferred, edited and followed up, all ephemeral, as in a guild.
    const last = await r.final();
    expect(seen.dm).toEqual({ inGuild: false, guildId: null, user: BOB, hasMember: false, context: 1, who: 'alice', whoIsMember: false });
    expect((await r.response()).type).toBe(5);
    expect(r.original()?.content).toBe('Your notes are private.');
    expect(last.content).toBe('Mark them as read?');
    expect(r.followUps().map((m) => m.id)).toEqual([last.id]);
    for (const m of [r.original(), last]) {
      expect(m?.channel_id).toBe(p.channel?.id);
      expect((m?.flags ?? 0) & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
      expect(m?.interaction_metadata?.authorizing_integration_owners).toEqual({ '1': BOB });
    }
    expect(fake.channelMessages(p.channel?.id ?? '')).toEqual([]); // ephemeral: nothing for the channel to show

    // A button on a DM message: only the DM's user can press it.
    await expect(fake.click('alice', last, 'notes:read')).rejects.toThrow(/not in alice's DM/);
    const click = await fake.click('bob', last, 'notes:read');
    expect(click.payload).toMatchObject({ context: 1, user: { id: BOB } });
    expect((await click.final()).content).toBe('Marked as read for bob');

    // The bot opening the DM itself (user.send) gets the same channel; its messages show there.
    const dm = await client.users.createDM(BOB);
    expect(dm.id).toBe(p.channel?.id);
    const sent = await dm.send('Reminder: review your notes.');
    expect(fake.channelMessages(dm.id).map((m) => m.id)).toEqual([sent.id]);

    // Guild commands and global commands without the BotDM context are not offered in DMs.
    await expect(fake.slashInDm('bob', 'quiz')).rejects.toThrow(
      /\/quiz is registered only as a guild command \(Study Group\); guild commands cannot be used in DMs/,
    );
    await expect(fake.slashInDm('bob', 'setup')).rejects.toThrow(/\/setup does not allow the BotDM context/);
    await expect(fake.slashInDm('bob', 'nope')).rejects.toThrow(/not registered globally/);
    await expect(fake.slashInDm('nobody', 'notes')).rejects.toThrow(/no user nobody/);
    await fake.settle();
    fake.assertNoViolations();
  });
});

describe('message rules', () => {
  const rules = (problems: Problem[]): string[] => problems.map((p) => `${p.rule}${p.hard ? '' : ' (soft)'}: ${p.path.join('.')}`);
  const am = { allowed_mentions: { parse: [] } };
  const create = { mode: 'create' as const, fileCount: 0 };
  const row = (n: number, label = 'b') => ({
    type: 1,
    components: Array.from({ length: n }, (_, i) => ({ type: 2, style: 1, label, custom_id: `c${i}:${label.length}:${Math.random()}` })),
  });

  it('accepts a well-formed message', () => {
    expect(
      checkMessageBody(
        { content: 'hi', embeds: [{ title: 't', fields: [{ name: 'n', value: 'v' }] }], components: [row(5)], ...am },
        create,
      ),
    ).toEqual([]);
  });

  it('checks allowed_mentions', () => {
    expect(rules(checkMessageBody({ content: 'hi' }, create))).toEqual(['allowed-mentions (soft): allowed_mentions']);
    expect(rules(checkMessageBody({ content: 'hi', allowed_mentions: { parse: ['users'], roles: ['1'] } }, create))).toEqual([
      'allowed-mentions (soft): allowed_mentions.parse',
      'allowed-mentions (soft): allowed_mentions.roles',
    ]);
    expect(checkMessageBody({ content: 'hi', allowed_mentions: {} }, create)).toEqual([]);
  });

  it('checks content, embed and component limits', () => {
    expect(rules(checkMessageBody({ content: 'x'.repeat(2001), ...am }, create))).toEqual(['content-length: content']);
    expect(rules(checkMessageBody({ embeds: Array.from({ length: 11 }, () => ({ title: 't' })), ...am }, create))).toEqual([
      'embed-limits: embeds',
    ]);
    const big = {
      title: 't'.repeat(257),
      description: 'd'.repeat(4097),
      footer: { text: 'f'.repeat(2049) },
      author: { name: 'a'.repeat(257) },
    };
    expect(rules(checkMessageBody({ embeds: [big], ...am }, create))).toEqual([
      'embed-limits: embeds.0.title',
      'embed-limits: embeds.0.description',
      'embed-limits: embeds.0.footer.text',
      'embed-limits: embeds.0.author.name',
      'embed-limits: embeds',
    ]);
    const fields = Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' }));
    expect(rules(checkMessageBody({ embeds: [{ fields }], ...am }, create))).toEqual(['embed-limits: embeds.0.fields']);
    expect(rules(checkMessageBody({ embeds: [{ fields: [{ name: '', value: 'v'.repeat(1025) }] }], ...am }, create))).toEqual([
      'embed-limits: embeds.0.fields.0.name',
      'embed-limits: embeds.0.fields.0.value',
    ]);
    expect(rules(checkMessageBody({ components: Array.from({ length: 6 }, () => row(1)), ...am }, create))).toEqual([
      'component-limits: components',
    ]);
    expect(rules(checkMessageBody({ components: [row(6)], ...am }, create))).toEqual(['component-limits: components.0.components']);
    expect(rules(checkMessageBody({ components: [row(1, 'l'.repeat(81))], ...am }, create))).toEqual([
      'component-limits: components.0.components.0.label',
    ]);
    const select = { type: 3, custom_id: 's', options: Array.from({ length: 26 }, (_, i) => ({ label: `o${i}`, value: `v${i}` })) };
    expect(rules(checkMessageBody({ components: [{ type: 1, components: [select] }], ...am }, create))).toEqual([
      'component-limits: components.0.components.0.options',
    ]);
    const dup = {
      type: 1,
      components: [
        { type: 2, style: 1, label: 'a', custom_id: 'same' },
        { type: 2, style: 1, label: 'b', custom_id: 'same' },
      ],
    };
    expect(rules(checkMessageBody({ components: [dup], ...am }, create))).toEqual([
      'component-limits: components.0.components.1.custom_id',
    ]);
    expect(rules(checkMessageBody({ content: '', ...am }, create))).toEqual(['empty-message: ']);
  });

  it('checks autocomplete choices', () => {
    const choices = Array.from({ length: 26 }, (_, i) => ({ name: `n${i}`, value: `v${i}` }));
    expect(rules(checkAutocompleteChoices({ choices }, 3))).toEqual(['autocomplete-limits: data.choices']);
    expect(rules(checkAutocompleteChoices({ choices: [{ name: 'n'.repeat(101), value: 'v'.repeat(101) }] }, 3))).toEqual([
      'autocomplete-limits: data.choices.0.name',
      'autocomplete-limits: data.choices.0.value',
    ]);
    expect(rules(checkAutocompleteChoices({ choices: [{ name: 'n', value: 'v' }] }, 4))).toEqual([
      'autocomplete-limits: data.choices.0.value',
    ]);
  });
});

// The real bot may not exist yet, and this file proves the harness, not the bot: a stand-in
// src/main.ts with the bot's client setup, in a temp dir that borrows the repo's node_modules.
const STAND_IN = `
import { Client, Events, GatewayIntentBits } from 'discord.js';
const log = (msg, extra = {}) => console.log(JSON.stringify({ level: 30, time: Date.now(), msg, ...extra }));
const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: process.env.DISCORD_API_BASE }, allowedMentions: { parse: [] } });
client.on(Events.InteractionCreate, (i) => { if (i.isChatInputCommand()) void i.reply('pong ' + process.env.NODE_ENV); });
client.once(Events.ClientReady, async (c) => {
  await c.application.commands.set([{ name: 'ping', description: 'Ping' }], process.env.GUILD_ID);
  log('ready');
});
process.on('SIGTERM', () => { log('stopping'); void client.destroy().then(() => process.exit(0)); });
await client.login(process.env.DISCORD_TOKEN);
`;

async function standInRepo(main: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'fake-bot-'));
  await mkdir(join(dir, 'src'));
  await writeFile(join(dir, 'package.json'), '{"type":"module"}');
  await writeFile(join(dir, 'src', 'main.ts'), main);
  await symlink(fileURLToPath(new URL('../node_modules', import.meta.url)), join(dir, 'node_modules'), 'dir');
  return dir;
}

describe('bot process helper', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it('starts a bot against a fake, waits for "ready", and stops it', async () => {
    const own = await startFakeDiscord({
      applicationId: APP,
      botUserId: APP,
      token: TOKEN,
      guilds: [
        {
          id: G,
          name: 'Study Group',
          channels: [{ id: C, name: 'general' }],
          members: [{ id: ALICE, username: 'alice', manageGuild: false }],
        },
      ],
    });
    try {
      const cwd = await standInRepo(STAND_IN);
      dirs.push(cwd);
      const bot = await startBot({ cwd, env: { DISCORD_API_BASE: own.apiBase, DISCORD_TOKEN: TOKEN, GUILD_ID: G } });
      await own.waitForReady();
      const msg = await (await own.slash('alice', G, C, 'ping')).final();
      expect(msg.content).toBe('pong test');
      own.assertNoViolations();
      expect(bot.logs().some((l) => l.json?.msg === 'ready')).toBe(true);
      const exit = await bot.stop();
      expect(exit).toEqual({ code: 0, signal: null });
      expect(bot.logs().some((l) => l.json?.msg === 'stopping')).toBe(true);
    } finally {
      await own.close();
    }
  });

  it('rejects with the output when the bot dies before "ready"', async () => {
    const cwd = await standInRepo(`console.error('config: DISCORD_TOKEN is missing'); process.exit(1);`);
    dirs.push(cwd);
    await expect(startBot({ cwd, env: {} })).rejects.toThrow(/DISCORD_TOKEN is missing/);
  });
});
