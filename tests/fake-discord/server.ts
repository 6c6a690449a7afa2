// A fake Discord (REST under /api/v10 + gateway) on 127.0.0.1 for end-to-end tests of the bot.
// It behaves like Discord where the bot can tell, and records a violation wherever the bot does
// something Discord would reject or that this project forbids (see validate.ts).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  ApplicationFlags,
  InteractionContextType,
  Locale,
  APIApplicationCommand,
  APIMessage,
  APIMessageInteractionMetadata,
  APIApplicationCommandOptionChoice,
  APIModalInteractionResponseCallbackData,
  RESTPostAPIInteractionCallbackWithResponseResult,
} from 'discord.js';
import { CommandStore } from './commands.js';
import { faultReply, Faults, type FaultHandle, type FaultSpec } from './faults.js';
import { Gateway } from './gateway.js';
import { randomToken, readBody, sendEmpty, sendJson, snowflake, type ParsedBody } from './http.js';
import { buildOptions, InteractionRecord, makeHandle, splitCommand } from './interactions.js';
import { MessageStore, type StoredMessage } from './messages.js';
import {
  checkAutocompleteChoices,
  checkCommandDefinition,
  checkMessageBody,
  checkModal,
  describe,
  formBodyError,
  isEmptyMessage,
  isObject,
  MESSAGE_FLAG_EPHEMERAL,
  MESSAGE_FLAG_LOADING,
  type DiscordError,
  type Problem,
} from './validate.js';
import { World, type ChannelRecord, type GuildRecord, type MemberRecord } from './world.js';
import type {
  AckRecord,
  CallbackRecord,
  ChannelState,
  FakeDiscord,
  FakeDiscordOptions,
  FakeInteractionPayload,
  GatewayInfo,
  Interaction,
  InteractionKind,
  JsonObject,
  RequestRecord,
  RuleName,
  SlashOptions,
  Violation,
} from './types.js';

export type * from './types.js';

const ACK_WINDOW_MS = 3000;
const EN_US = 'en-US' as Locale;
const TOKEN_LIFETIME_MS = 15 * 60_000;

/** Thrown by handlers; becomes Discord's JSON error body. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: DiscordError,
  ) {
    super(body.message);
  }
}

const E = {
  unknownChannel: () => new HttpError(404, { message: 'Unknown Channel', code: 10003 }),
  missingAccess: () => new HttpError(403, { message: 'Missing Access', code: 50001 }),
  unknownGuild: () => new HttpError(404, { message: 'Unknown Guild', code: 10004 }),
  unknownMember: () => new HttpError(404, { message: 'Unknown Member', code: 10007 }),
  unknownMessage: () => new HttpError(404, { message: 'Unknown Message', code: 10008 }),
  unknownUser: () => new HttpError(404, { message: 'Unknown User', code: 10013 }),
  unknownWebhook: () => new HttpError(404, { message: 'Unknown Webhook', code: 10015 }),
  unknownCommand: () => new HttpError(404, { message: 'Unknown application command', code: 10063 }),
  unknownInteraction: () => new HttpError(404, { message: 'Unknown interaction', code: 10062 }),
  alreadyAcked: () => new HttpError(400, { message: 'Interaction has already been acknowledged.', code: 40060 }),
  invalidWebhookToken: () => new HttpError(401, { message: 'Invalid Webhook Token', code: 50027 }),
  unauthorized: () => new HttpError(401, { message: '401: Unauthorized', code: 0 }),
  notFound: () => new HttpError(404, { message: '404: Not Found', code: 0 }),
  invalidJson: () => new HttpError(400, { message: 'The request body contains invalid JSON.', code: 50109 }),
};

interface Ctx {
  method: string;
  route: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: ParsedBody;
}

interface Reply {
  status: number;
  body?: unknown;
}

interface Route {
  method: string;
  pattern: RegExp;
  keys: string[];
  auth: boolean;
  handler: (c: Ctx) => Reply;
}

function compile(path: string): { pattern: RegExp; keys: string[] } {
  const keys: string[] = [];
  const src = path.replace(/:(\w+)/g, (_, k: string) => {
    keys.push(k);
    return '([^/]+)';
  });
  return { pattern: new RegExp(`^${src}$`), keys };
}

const ok = (body: unknown): Reply => ({ status: 200, body });
const noContent: Reply = { status: 204 };

class Fake implements FakeDiscord {
  readonly world: World;
  readonly store: MessageStore;
  private readonly ackListeners: Array<(kind: InteractionKind, userId: string) => void> = [];
  /** enforce_nonce memory: channel:nonce -> the message it created. */
  private readonly nonces = new Map<string, { messageId: string; at: number }>();
  readonly commands: CommandStore;
  readonly gateway: Gateway;
  private readonly routes: Route[] = [];
  private readonly violationList: Violation[] = [];
  private readonly requestLog: RequestRecord[] = [];
  private readonly interactions = new Map<string, InteractionRecord>();
  private readonly byToken = new Map<string, InteractionRecord>();
  private timeOffset = 0;
  private readonly faults = new Faults();
  private closed = false;
  port = 0;

  constructor(
    private readonly opts: FakeDiscordOptions,
    private readonly server: Server,
  ) {
    const makeId = (): string => snowflake(this.now());
    this.world = new World(opts, makeId);
    this.store = new MessageStore(this.world.botUser, opts.applicationId, makeId, () => this.now(), () => `http://127.0.0.1:${this.port}`);
    this.commands = new CommandStore(opts.applicationId, makeId);
    this.gateway = new Gateway({
      token: opts.token,
      heartbeatIntervalMs: opts.heartbeatIntervalMs ?? 41_250,
      ready: (sessionId) => ({
        v: 10,
        user: this.world.user(this.world.botUser.id),
        guilds: [...this.world.guilds.keys()].map((id) => ({ id, unavailable: true })),
        session_id: sessionId,
        resume_gateway_url: this.wsUrl,
        shard: [0, 1],
        application: { id: opts.applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
      }),
      guildCreates: () => [...this.world.guilds.values()].map((g) => this.world.guildCreate(g)),
      members: (guildId, ids) => {
        const g = this.world.guilds.get(guildId);
        if (!g) return [];
        return [...g.members.values()].filter((m) => ids === null || ids.includes(m.userId)).map((m) => this.world.guildMember(g, m));
      },
      onError: (detail) => this.violate('gateway', detail),
    });
    this.defineRoutes();
  }

  // ------------------------------------------------------------ basics

  get apiBase(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  private get wsUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  private now(): number {
    return Date.now() + this.timeOffset;
  }

  private violate(rule: RuleName, detail: string, route?: string, interactionId?: string): void {
    const v: Violation = { rule, detail, at: Date.now() };
    if (route !== undefined) v.route = route;
    const id = interactionId ?? (route !== undefined ? this.interactionOfRoute(route) : undefined);
    if (id !== undefined) v.interactionId = id;
    this.violationList.push(v);
  }

  /** Ties a violation to its interaction, so a test can pick out its own. */
  private interactionOfRoute(route: string): string | undefined {
    const cb = /\/interactions\/([^/]+)\//.exec(route);
    if (cb?.[1] && this.interactions.has(cb[1])) return cb[1];
    const wh = /\/webhooks\/[^/]+\/([^/]+)/.exec(route);
    return wh?.[1] ? this.byToken.get(wh[1])?.id : undefined;
  }

  /** Records every problem; if any is one Discord rejects, answers with Discord's error. */
  private enforce(problems: Problem[], route: string): void {
    for (const p of problems) this.violate(p.rule, describe(p), route);
    const hard = problems.filter((p) => p.hard);
    if (hard.length > 0) throw new HttpError(400, formBodyError(hard));
  }

  private objectBody(c: Ctx): JsonObject {
    const v = c.body.value;
    if (!isObject(v)) {
      this.violate('invalid-body', `expected a JSON object body, got ${c.body.kind === 'none' ? 'no body' : JSON.stringify(v)}`, c.route);
      throw new HttpError(400, { message: 'Invalid Form Body', code: 50035 });
    }
    return v;
  }

  // ------------------------------------------------------------ HTTP

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const body = await readBody(req);
    const route = `${method} ${url.pathname}`;
    const apiPath = url.pathname.startsWith('/api/v10/') ? url.pathname.slice('/api/v10'.length) : url.pathname;
    const fault = this.faults.take(method, apiPath);
    const handled = fault && !fault.afterHandling ? undefined : this.route(method, url, body, req.headers.authorization, route);
    const injected = fault ? faultReply(fault) : undefined;
    const reply = injected ?? handled!;
    this.requestLog.push({ method, path: url.pathname, status: reply.status, at: Date.now(), body: body.value });
    if (this.requestLog.length > 5000) this.requestLog.shift();
    if (injected) sendJson(res, injected.status, injected.body, injected.headers);
    else if (Buffer.isBuffer(reply.body)) {
      res.writeHead(reply.status, { 'content-type': 'application/octet-stream' });
      res.end(reply.body);
    } else if (reply.body === undefined) sendEmpty(res, reply.status);
    else sendJson(res, reply.status, reply.body);
  }

  private route(method: string, url: URL, body: ParsedBody, auth: string | undefined, route: string): Reply {
    try {
      const attachment = /^\/attachments\/([^/]+)\//.exec(url.pathname);
      if (method === 'GET' && attachment?.[1]) {
        const data = this.store.attachmentData(attachment[1]);
        if (data) return { status: 200, body: data };
      }
      const prefix = '/api/v10';
      const path = url.pathname.startsWith(`${prefix}/`) ? url.pathname.slice(prefix.length) : null;
      const match = path === null ? undefined : this.match(method, path);
      if (!match) {
        this.violate('unknown-route', `the fake has no ${route} (the bot called it; add it to the fake or stop calling it)`, route);
        throw E.notFound();
      }
      if (match.route.auth && auth !== `Bot ${this.opts.token}`) {
        this.violate('auth', `${route} without a valid "Authorization: Bot <token>" header`, route);
        throw E.unauthorized();
      }
      if (body.kind === 'invalid') {
        this.violate('invalid-body', body.error, route);
        throw E.invalidJson();
      }
      return match.route.handler({ method, route, params: match.params, query: url.searchParams, body });
    } catch (err) {
      if (err instanceof HttpError) return { status: err.status, body: err.body };
      const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
      this.violate('fake-error', `the fake crashed handling ${route}: ${detail}`, route);
      return { status: 500, body: { message: '500: Internal Server Error', code: 0 } };
    }
  }

  private match(method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
    for (const r of this.routes) {
      if (r.method !== method) continue;
      const m = r.pattern.exec(path);
      if (!m) continue;
      const params: Record<string, string> = {};
      r.keys.forEach((k, i) => {
        params[k] = decodeURIComponent(m[i + 1] ?? '');
      });
      return { route: r, params };
    }
    return undefined;
  }

  private add(method: string, path: string, handler: (c: Ctx) => Reply, auth = true): void {
    this.routes.push({ method, ...compile(path), auth, handler });
  }

  // ------------------------------------------------------------ lookups

  private guildOr404(id: string): GuildRecord {
    const g = this.world.guilds.get(id);
    if (!g) throw E.unknownGuild();
    return g;
  }

  private channelOr404(id: string): ChannelRecord {
    const ch = this.world.channels.get(id);
    if (!ch || ch.state === 'deleted') throw E.unknownChannel();
    if (ch.state === 'missing-access') throw E.missingAccess();
    return ch;
  }

  private channelMessage(ch: ChannelRecord, id: string): StoredMessage {
    const m = this.store.get(id);
    // Ephemeral messages exist only for their recipient; the bot cannot reach them by channel.
    if (!m || m.deleted || m.ephemeral || m.message.channel_id !== ch.id) throw E.unknownMessage();
    return m;
  }

  private app(c: Ctx): void {
    if (c.params.app !== this.opts.applicationId) {
      this.violate('auth', `application id ${c.params.app ?? ''} is not this bot's (${this.opts.applicationId})`, c.route);
      throw E.missingAccess();
    }
  }

  private messageCheck(c: Ctx, body: JsonObject, mode: 'create' | 'edit', existing?: APIMessage): void {
    const problems = checkMessageBody(body, { mode, fileCount: c.body.files.length });
    if (mode === 'edit' && existing && wouldBeEmpty(existing, body, c.body.files.length)) {
      problems.push({ rule: 'empty-message', path: [], message: 'the edit leaves an empty message', hard: true });
    }
    this.enforce(problems, c.route);
  }

  // ------------------------------------------------------------ routes

  private defineRoutes(): void {
    const w = this.world;

    this.add('GET', '/gateway', () => ok({ url: this.wsUrl }), false);
    this.add('GET', '/gateway/bot', () =>
      ok({ url: this.wsUrl, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 } }),
    );
    this.add('GET', '/users/@me', () => ok(w.user(w.botUser.id)));
    this.add('GET', '/users/:user', (c) => {
      const u = w.users.get(c.params.user ?? '');
      if (!u) throw E.unknownUser();
      return ok({ ...u });
    });
    const application = (): Reply =>
      ok({
        id: this.opts.applicationId,
        name: w.botUser.username,
        icon: null,
        description: '',
        summary: '',
        type: null,
        bot_public: false,
        bot_require_code_grant: false,
        verify_key: '0'.repeat(64),
        flags: 0,
        team: null,
        owner: w.user(w.botUser.id),
        bot: w.user(w.botUser.id),
        approximate_guild_count: w.guilds.size,
        install_params: { scopes: ['bot', 'applications.commands'], permissions: '0' },
      });
    this.add('GET', '/applications/@me', application);
    this.add('GET', '/oauth2/applications/@me', application);

    // Commands, global and per guild: same handlers with a scope.
    const scopes: Array<{ base: string; guild: (c: Ctx) => string | null }> = [
      { base: '/applications/:app/commands', guild: () => null },
      {
        base: '/applications/:app/guilds/:guild/commands',
        guild: (c) => {
          // Discord answers 403 for guilds the app is not in.
          if (!w.guilds.has(c.params.guild ?? '')) throw E.missingAccess();
          return c.params.guild ?? null;
        },
      },
    ];
    for (const s of scopes) {
      this.add('GET', s.base, (c) => {
        this.app(c);
        return ok(this.commands.list(s.guild(c)));
      });
      this.add('PUT', s.base, (c) => {
        this.app(c);
        const g = s.guild(c);
        const defs = c.body.value;
        if (!Array.isArray(defs)) {
          this.violate('command-definition', 'PUT commands needs an array body', c.route);
          throw new HttpError(400, { message: 'Invalid Form Body', code: 50035 });
        }
        const problems = defs.flatMap((d, i) => checkCommandDefinition(d as JsonObject, [i]));
        const seen = new Set<string>();
        defs.forEach((d, i) => {
          if (!isObject(d)) return;
          const key = `${String(d.type ?? 1)}:${String(d.name)}`;
          if (seen.has(key)) problems.push({ rule: 'command-definition', path: [i, 'name'], message: `duplicate command name ${String(d.name)}`, hard: true });
          seen.add(key);
        });
        if (defs.filter((d) => isObject(d) && (d.type ?? 1) === 1).length > 100) {
          problems.push({ rule: 'command-definition', path: [], message: 'at most 100 chat input commands', hard: true });
        }
        this.enforce(problems, c.route);
        return ok(this.commands.replace(g, defs.filter(isObject)));
      });
      this.add('POST', s.base, (c) => {
        this.app(c);
        const g = s.guild(c);
        const def = this.objectBody(c);
        this.enforce(checkCommandDefinition(def, []), c.route);
        const { command, created } = this.commands.upsert(g, def);
        return { status: created ? 201 : 200, body: command };
      });
      this.add('GET', `${s.base}/:command`, (c) => {
        this.app(c);
        const cmd = this.commands.get(s.guild(c), c.params.command ?? '');
        if (!cmd) throw E.unknownCommand();
        return ok(structuredClone(cmd));
      });
      this.add('PATCH', `${s.base}/:command`, (c) => {
        this.app(c);
        const g = s.guild(c);
        const def = this.objectBody(c);
        const old = this.commands.get(g, c.params.command ?? '');
        if (!old) throw E.unknownCommand();
        this.enforce(checkCommandDefinition({ ...(structuredClone(old) as unknown as JsonObject), ...def }, []), c.route);
        const cmd = this.commands.patch(g, c.params.command ?? '', def);
        if (!cmd) throw E.unknownCommand();
        return ok(cmd);
      });
      this.add('DELETE', `${s.base}/:command`, (c) => {
        this.app(c);
        if (!this.commands.remove(s.guild(c), c.params.command ?? '')) throw E.unknownCommand();
        return noContent;
      });
    }

    // Interaction responses: no Authorization header, as on Discord.
    this.add('POST', '/interactions/:id/:token/callback', (c) => this.callback(c), false);

    // Interaction webhooks (follow-ups, @original).
    this.add('POST', '/webhooks/:app/:token', (c) => {
      const rec = this.webhookInteraction(c);
      const body = this.objectBody(c);
      this.messageCheck(c, body, 'create');
      const original = rec.originalMessageId !== null ? this.store.get(rec.originalMessageId) : undefined;
      if (original && !original.deleted && ((original.message.flags ?? 0) & MESSAGE_FLAG_LOADING) !== 0) {
        // Discord fills a deferred "thinking" message with the first follow-up (keeping its
        // ephemeral flag) instead of posting a second message.
        const fill: JsonObject = { ...body };
        delete fill.flags;
        this.store.edit(original.message.id, fill, c.body.files);
        rec.followUpIds.push(original.message.id);
        rec.touch(original.message.id);
        return c.query.get('wait') === 'true' ? ok(structuredClone(original.message)) : noContent;
      }
      const stored = this.store.create({
        channelId: rec.channelId,
        guildId: rec.guildId,
        body,
        files: c.body.files,
        interaction: this.interactionMeta(rec),
      });
      rec.followUpIds.push(stored.message.id);
      rec.touch(stored.message.id);
      this.bumpChannel(rec.channelId, stored);
      return c.query.get('wait') === 'true' ? ok(structuredClone(stored.message)) : noContent;
    }, false);
    this.add('GET', '/webhooks/:app/:token/messages/:message', (c) => {
      const rec = this.webhookInteraction(c);
      return ok(structuredClone(this.webhookMessage(rec, c.params.message ?? '').message));
    }, false);
    this.add('PATCH', '/webhooks/:app/:token/messages/:message', (c) => {
      const rec = this.webhookInteraction(c);
      const target = this.webhookMessage(rec, c.params.message ?? '');
      const body = this.objectBody(c);
      this.messageCheck(c, body, 'edit', target.message);
      this.store.edit(target.message.id, body, c.body.files);
      rec.touch(target.message.id);
      return ok(structuredClone(target.message));
    }, false);
    this.add('DELETE', '/webhooks/:app/:token/messages/:message', (c) => {
      const rec = this.webhookInteraction(c);
      const target = this.webhookMessage(rec, c.params.message ?? '');
      this.store.delete(target.message.id);
      rec.touch(null);
      return noContent;
    }, false);

    // Channels and messages.
    this.add('GET', '/channels/:channel', (c) => ok(w.channelObject(this.channelOr404(c.params.channel ?? ''))));
    this.add('GET', '/channels/:channel/messages', (c) => {
      const ch = this.channelOr404(c.params.channel ?? '');
      const limit = Math.min(100, Number(c.query.get('limit') ?? 50) || 50);
      const list = this.visibleIn(ch.id).reverse().slice(0, limit);
      return ok(list);
    });
    this.add('POST', '/channels/:channel/messages', (c) => {
      const ch = this.channelOr404(c.params.channel ?? '');
      const body = this.objectBody(c);
      this.messageCheck(c, body, 'create');
      // As on Discord: with enforce_nonce, a nonce seen in this channel in the last few minutes
      // returns the message created the first time instead of posting again.
      const nonce = typeof body.nonce === 'string' || typeof body.nonce === 'number' ? String(body.nonce) : undefined;
      const nonceKey = nonce !== undefined && body.enforce_nonce === true ? `${ch.id}:${nonce}` : undefined;
      const earlier = nonceKey ? this.nonces.get(nonceKey) : undefined;
      if (earlier && Date.now() - earlier.at < 5 * 60_000) {
        const existing = this.store.get(earlier.messageId);
        if (existing) return ok(structuredClone(existing.message));
      }
      const stored = this.store.create({ channelId: ch.id, guildId: ch.guildId, body, files: c.body.files });
      if (nonceKey) this.nonces.set(nonceKey, { messageId: stored.message.id, at: Date.now() });
      this.bumpChannel(ch.id, stored);
      return ok(structuredClone(stored.message));
    });
    this.add('GET', '/channels/:channel/messages/:message', (c) => {
      const ch = this.channelOr404(c.params.channel ?? '');
      return ok(structuredClone(this.channelMessage(ch, c.params.message ?? '').message));
    });
    this.add('PATCH', '/channels/:channel/messages/:message', (c) => {
      const ch = this.channelOr404(c.params.channel ?? '');
      const m = this.channelMessage(ch, c.params.message ?? '');
      const body = this.objectBody(c);
      this.messageCheck(c, body, 'edit', m.message);
      this.store.edit(m.message.id, body, c.body.files);
      return ok(structuredClone(m.message));
    });
    this.add('DELETE', '/channels/:channel/messages/:message', (c) => {
      const ch = this.channelOr404(c.params.channel ?? '');
      this.store.delete(this.channelMessage(ch, c.params.message ?? '').message.id);
      return noContent;
    });
    this.add('POST', '/channels/:channel/typing', (c) => {
      this.channelOr404(c.params.channel ?? '');
      return noContent;
    });

    // Guilds.
    this.add('GET', '/guilds/:guild', (c) => {
      const g = this.guildOr404(c.params.guild ?? '');
      const extra = c.query.get('with_counts') === 'true' ? { approximate_member_count: g.members.size, approximate_presence_count: 0 } : {};
      return ok({ ...w.guildObject(g), ...extra });
    });
    this.add('GET', '/guilds/:guild/channels', (c) => ok(w.visibleChannels(this.guildOr404(c.params.guild ?? ''))));
    this.add('GET', '/guilds/:guild/roles', (c) => ok(w.roles(this.guildOr404(c.params.guild ?? ''))));
    this.add('GET', '/guilds/:guild/members', (c) => {
      const g = this.guildOr404(c.params.guild ?? '');
      const limit = Math.min(1000, Number(c.query.get('limit') ?? 1) || 1);
      return ok([...g.members.values()].slice(0, limit).map((m) => w.guildMember(g, m)));
    });
    this.add('GET', '/guilds/:guild/members/:user', (c) => {
      const g = this.guildOr404(c.params.guild ?? '');
      const m = g.members.get(c.params.user ?? '');
      if (!m) throw E.unknownMember();
      return ok(w.guildMember(g, m));
    });
  }

  private bumpChannel(channelId: string, stored: StoredMessage): void {
    const ch = this.world.channels.get(channelId);
    if (ch && !stored.ephemeral) ch.lastMessageId = stored.message.id;
  }

  private visibleIn(channelId: string): APIMessage[] {
    return this.store
      .all()
      .filter((m) => !m.deleted && !m.ephemeral && m.message.channel_id === channelId)
      .map((m) => structuredClone(m.message));
  }

  // ------------------------------------------------------------ interaction callbacks

  private interactionMeta(rec: InteractionRecord): { metadata: APIMessageInteractionMetadata; userId: string; messageType: number } {
    const user = this.world.user(rec.userId);
    const owners = { '0': rec.guildId };
    const metadata: APIMessageInteractionMetadata =
      rec.kind === 'component' && rec.sourceMessageId !== null
        ? { id: rec.id, type: 3, user, authorizing_integration_owners: owners, interacted_message_id: rec.sourceMessageId }
        : { id: rec.id, type: 2, user, authorizing_integration_owners: owners };
    // Command responses are CHAT_INPUT_COMMAND (20) messages; component responses are plain.
    return { metadata, userId: rec.userId, messageType: rec.kind === 'command' ? 20 : 0 };
  }

  private callback(c: Ctx): Reply {
    const rec = this.interactions.get(c.params.id ?? '');
    if (!rec || rec.token !== c.params.token) {
      this.violate('unknown-interaction', `callback for unknown interaction ${c.params.id ?? ''} or wrong token`, c.route);
      throw E.unknownInteraction();
    }
    // Past the 3 s window Discord has dropped the interaction (the timer recorded the violation).
    if (rec.expired) throw E.unknownInteraction();
    if (rec.acked) {
      this.violate('single-ack', `second initial response to ${rec.kind} ${JSON.stringify(rec.name)} (${rec.id}); use editReply/followUp`, c.route);
      throw E.alreadyAcked();
    }
    const body = this.objectBody(c);
    const type = body.type;
    const allowed: Record<InteractionKind, number[]> = { command: [4, 5, 9], component: [4, 5, 6, 7, 9], autocomplete: [8] };
    if (typeof type !== 'number' || !allowed[rec.kind].includes(type)) {
      this.violate('callback-type', `callback type ${JSON.stringify(type)} is not valid for a ${rec.kind} interaction (allowed: ${allowed[rec.kind].join(', ')})`, c.route);
      throw new HttpError(400, formBodyError([{ rule: 'callback-type', path: ['type'], message: 'Value is not a valid interaction callback type', hard: true }]));
    }
    const data = isObject(body.data) ? body.data : null;
    const fileCount = c.body.files.length;
    const source = rec.sourceMessageId !== null ? this.store.get(rec.sourceMessageId) : undefined;
    if ((type === 6 || type === 7) && (!source || source.deleted)) throw E.unknownMessage();
    switch (type) {
      case 4:
        this.enforce(checkMessageBody(data ?? {}, { mode: 'create', fileCount, prefix: ['data'] }), c.route);
        break;
      case 7: {
        const problems = checkMessageBody(data ?? {}, { mode: 'edit', fileCount, prefix: ['data'] });
        if (source && wouldBeEmpty(source.message, data ?? {}, fileCount)) {
          problems.push({ rule: 'empty-message', path: ['data'], message: 'the update leaves an empty message', hard: true });
        }
        this.enforce(problems, c.route);
        break;
      }
      case 8:
        this.enforce(checkAutocompleteChoices(body.data, rec.focusedType), c.route);
        break;
      case 9:
        this.enforce(checkModal(body.data), c.route);
        break;
      default:
        break;
    }

    // Accepted: this is the acknowledgement.
    if (rec.timer) clearTimeout(rec.timer);
    rec.timer = null;
    const at = Date.now();
    const record: CallbackRecord = { type, data: data ? (structuredClone(data) as JsonObject) : null, at, elapsedMs: at - rec.dispatchedAt };
    let message: StoredMessage | undefined;
    if (type === 4 || type === 5) {
      const msgBody: JsonObject = type === 4 ? (data ?? {}) : { flags: typeof data?.flags === 'number' ? data.flags & MESSAGE_FLAG_EPHEMERAL : 0 };
      message = this.store.create({
        channelId: rec.channelId,
        guildId: rec.guildId,
        body: msgBody,
        files: type === 4 ? c.body.files : [],
        interaction: this.interactionMeta(rec),
        loading: type === 5,
      });
      rec.originalMessageId = message.message.id;
      rec.touch(message.message.id);
      this.bumpChannel(rec.channelId, message);
    } else if ((type === 6 || type === 7) && source) {
      // For component interactions @original is the message the component is on.
      rec.originalMessageId = source.message.id;
      if (type === 7) {
        this.store.edit(source.message.id, data ?? {}, c.body.files);
        rec.touch(source.message.id);
      } else rec.lastMessageId = source.message.id;
      message = source;
    } else if (type === 8 && data && Array.isArray(data.choices)) {
      record.choices = structuredClone(data.choices) as unknown as APIApplicationCommandOptionChoice[];
    } else if (type === 9 && data) {
      record.modal = structuredClone(data) as unknown as APIModalInteractionResponseCallbackData;
    }
    if (message) record.message = structuredClone(message.message);
    rec.callbacks.push(record);
    if (rec.callbacks.length === 1) for (const listener of this.ackListeners) listener(rec.kind, rec.userId);
    rec.activityAtAck = rec.activity;

    if (c.query.get('with_response') !== 'true') return noContent;
    const result: RESTPostAPIInteractionCallbackWithResponseResult = {
      interaction: { id: rec.id, type: rec.payload.type },
    };
    if (message && (type === 4 || type === 5)) {
      result.interaction.response_message_id = message.message.id;
      result.interaction.response_message_loading = type === 5;
      result.interaction.response_message_ephemeral = message.ephemeral;
    }
    if (type === 4 || type === 5 || type === 7) {
      result.resource = message ? { type, message: structuredClone(message.message) } : { type };
    } else result.resource = { type: type as 6 | 8 | 9 } as RESTPostAPIInteractionCallbackWithResponseResult['resource'];
    return ok(result);
  }

  /** The interaction behind a webhook token, checking the rules for follow-ups. */
  private webhookInteraction(c: Ctx): InteractionRecord {
    this.app(c);
    const rec = this.byToken.get(c.params.token ?? '');
    if (!rec) {
      this.violate('unknown-interaction', `webhook call with a token that belongs to no interaction`, c.route);
      throw E.unknownWebhook();
    }
    if (!rec.acked) {
      this.violate('ack-before-webhook', `${c.method} on the webhook of ${rec.kind} ${JSON.stringify(rec.name)} (${rec.id}) before any initial response`, c.route);
      throw E.unknownWebhook();
    }
    if (this.now() - rec.createdAt > TOKEN_LIFETIME_MS) {
      this.violate('followup-within-15min', `${c.method} on the webhook of ${rec.kind} ${JSON.stringify(rec.name)} (${rec.id}) after its token expired (15 min)`, c.route);
      throw E.invalidWebhookToken();
    }
    return rec;
  }

  private webhookMessage(rec: InteractionRecord, id: string): StoredMessage {
    const target = id === '@original' ? rec.originalMessageId : id;
    if (target === null) throw E.unknownMessage();
    // A webhook token reaches its own responses (and, after 6/7, the component's message).
    if (target !== rec.originalMessageId && !rec.followUpIds.includes(target)) throw E.unknownMessage();
    const m = this.store.get(target);
    if (!m || m.deleted) throw E.unknownMessage();
    return m;
  }

  // ------------------------------------------------------------ dispatching interactions

  private locate(memberId: string, guildId: string, channelId: string): { guild: GuildRecord; member: MemberRecord; channel: ChannelRecord } {
    const guild = this.world.guild(guildId);
    if (!guild) throw new Error(`fake-discord: no guild ${guildId}`);
    const member = this.world.member(guild, memberId);
    if (!member) throw new Error(`fake-discord: no member ${memberId} in guild ${guild.name}`);
    const channel = this.world.channel(guild, channelId);
    if (!channel) throw new Error(`fake-discord: no channel ${channelId} in guild ${guild.name}`);
    if (channel.state === 'deleted') throw new Error(`fake-discord: channel ${channel.name} is deleted; nobody can use it`);
    return { guild, member, channel };
  }

  private base(guild: GuildRecord, member: MemberRecord, channel: ChannelRecord, id: string, token: string) {
    return {
      id,
      application_id: this.opts.applicationId,
      token,
      version: 1 as const,
      guild_id: guild.id,
      guild: { id: guild.id, locale: EN_US, features: [] },
      channel_id: channel.id,
      channel: this.world.channelObject(channel),
      member: this.world.interactionMember(guild, member),
      app_permissions: this.world.appPermissions(channel).toString(),
      locale: EN_US,
      guild_locale: EN_US,
      entitlements: [],
      authorizing_integration_owners: { '0': guild.id },
      context: 0 as InteractionContextType,
      attachment_size_limit: 10 * 1024 * 1024,
    };
  }

  private ensureConnected(): void {
    if (this.closed) throw new Error('fake-discord: closed');
    if (!this.gateway.hasSession()) throw new Error('fake-discord: the bot has no gateway session (not connected or not identified yet)');
  }

  private dispatchInteraction(
    payload: FakeInteractionPayload,
    kind: InteractionKind,
    name: string,
    loc: { guild: GuildRecord; member: MemberRecord; channel: ChannelRecord },
    extra: { command: APIApplicationCommand | null; sourceMessageId: string | null; focusedType: number | undefined },
  ): Interaction {
    const rec = new InteractionRecord(
      payload.id,
      payload.token,
      kind,
      name,
      loc.member.userId,
      loc.guild.id,
      loc.channel.id,
      this.now(),
      payload,
      extra.command,
      extra.sourceMessageId,
      extra.focusedType,
    );
    this.interactions.set(rec.id, rec);
    this.byToken.set(rec.token, rec);
    rec.timer = setTimeout(() => {
      rec.timer = null;
      if (rec.acked || this.closed) return;
      rec.expired = true;
      this.violate('ack-within-3s', `${kind} ${JSON.stringify(name)} (${rec.id}) got no initial response within 3 seconds`, undefined, rec.id);
    }, ACK_WINDOW_MS);
    rec.timer.unref();
    this.gateway.dispatch('INTERACTION_CREATE', payload);
    return makeHandle(rec, this.store, () => this.closed);
  }

  // ------------------------------------------------------------ driver API

  async slash(memberId: string, guildId: string, channelId: string, name: string, options: SlashOptions = {}, subcommand?: string): Promise<Interaction> {
    return this.command(memberId, guildId, channelId, name, options, subcommand, false);
  }

  async slashTampered(memberId: string, guildId: string, channelId: string, name: string, options: SlashOptions = {}, subcommand?: string): Promise<Interaction> {
    return this.command(memberId, guildId, channelId, name, options, subcommand, true);
  }

  private async command(memberId: string, guildId: string, channelId: string, name: string, options: SlashOptions, subcommand: string | undefined, tampered: boolean): Promise<Interaction> {
    this.ensureConnected();
    const loc = this.locate(memberId, guildId, channelId);
    const split = splitCommand(name, subcommand);
    const cmd = this.commands.find(loc.guild.id, split.name);
    if (!cmd) throw new Error(`fake-discord: /${split.name} is not registered (registered: ${this.registeredNames(loc.guild.id)})`);
    const built = buildOptions({ ...this.optionCtx(loc.guild, loc.member), tampered }, cmd, split.path, options, null);
    const id = snowflake(this.now());
    const payload: FakeInteractionPayload = {
      ...this.base(loc.guild, loc.member, loc.channel, id, randomToken()),
      type: 2,
      data: {
        id: cmd.id,
        name: cmd.name,
        type: 1,
        ...(cmd.guild_id ? { guild_id: cmd.guild_id } : {}),
        ...(built.options.length ? { options: built.options } : {}),
        ...(Object.keys(built.resolved).length ? { resolved: built.resolved } : {}),
      },
    };
    return this.dispatchInteraction(payload, 'command', built.fullName, loc, { command: cmd, sourceMessageId: null, focusedType: undefined });
  }

  async autocomplete(
    memberId: string,
    guildId: string,
    channelId: string,
    name: string,
    focusedOption: string,
    value: string,
    otherOptions: SlashOptions = {},
    subcommand?: string,
  ): Promise<Interaction> {
    this.ensureConnected();
    const loc = this.locate(memberId, guildId, channelId);
    const split = splitCommand(name, subcommand);
    const cmd = this.commands.find(loc.guild.id, split.name);
    if (!cmd) throw new Error(`fake-discord: /${split.name} is not registered (registered: ${this.registeredNames(loc.guild.id)})`);
    const built = buildOptions(this.optionCtx(loc.guild, loc.member), cmd, split.path, otherOptions, { name: focusedOption, value });
    const id = snowflake(this.now());
    const payload: FakeInteractionPayload = {
      ...this.base(loc.guild, loc.member, loc.channel, id, randomToken()),
      type: 4,
      data: {
        id: cmd.id,
        name: cmd.name,
        type: 1,
        ...(cmd.guild_id ? { guild_id: cmd.guild_id } : {}),
        options: built.options,
      },
    };
    return this.dispatchInteraction(payload, 'autocomplete', `${built.fullName} ${focusedOption}`, loc, {
      command: cmd,
      sourceMessageId: null,
      focusedType: built.focusedType,
    });
  }

  async click(memberId: string, message: APIMessage | string, customId: string): Promise<Interaction> {
    return this.component(memberId, message, customId, null);
  }

  async select(memberId: string, message: APIMessage | string, customId: string, values: string[]): Promise<Interaction> {
    return this.component(memberId, message, customId, values);
  }

  async forge(memberId: string, message: APIMessage | string, customId: string): Promise<Interaction> {
    return this.component(memberId, message, customId, null, true);
  }

  /** `forged`: dispatch a button press whatever the message holds (a tampered client, a stale message). */
  private component(memberId: string, message: APIMessage | string, customId: string, values: string[] | null, forged = false): Interaction {
    this.ensureConnected();
    const id = typeof message === 'string' ? message : message.id;
    const stored = this.store.get(id);
    if (!stored || stored.deleted) throw new Error(`fake-discord: message ${id} does not exist (or was deleted)`);
    const m = stored.message;
    if (stored.guildId === null) throw new Error(`fake-discord: message ${id} is not in a guild`);
    const loc = this.locate(memberId, stored.guildId, m.channel_id);
    if (stored.ephemeral && stored.visibleTo !== loc.member.userId) {
      throw new Error(`fake-discord: message ${id} is ephemeral for ${stored.visibleTo ?? '?'}; ${memberId} cannot see it`);
    }
    if (((m.flags ?? 0) & MESSAGE_FLAG_LOADING) !== 0) throw new Error(`fake-discord: message ${id} is still "thinking"; it has no components yet`);
    const comp = forged ? { type: 2 } : findComponent(m.components ?? [], customId);
    if (!comp) {
      const ids = listCustomIds(m.components ?? []);
      throw new Error(`fake-discord: message ${id} has no component ${JSON.stringify(customId)} (has: ${ids.map((s) => JSON.stringify(s)).join(', ') || 'none'})`);
    }
    if (comp.disabled === true) throw new Error(`fake-discord: component ${JSON.stringify(customId)} is disabled`);
    let data: { custom_id: string; component_type: 2 } | { custom_id: string; component_type: 3; values: string[] };
    if (values === null) {
      if (comp.type !== 2) throw new Error(`fake-discord: ${JSON.stringify(customId)} is not a button (type ${String(comp.type)}); use select()`);
      data = { custom_id: customId, component_type: 2 };
    } else {
      if (comp.type !== 3) throw new Error(`fake-discord: ${JSON.stringify(customId)} is not a string select (type ${String(comp.type)})`);
      const options = Array.isArray(comp.options) ? comp.options.filter(isObject) : [];
      for (const v of values) {
        if (!options.some((o) => o.value === v)) throw new Error(`fake-discord: ${JSON.stringify(v)} is not an option of ${JSON.stringify(customId)}`);
      }
      const min = typeof comp.min_values === 'number' ? comp.min_values : 1;
      const max = typeof comp.max_values === 'number' ? comp.max_values : 1;
      if (values.length < min || values.length > max) throw new Error(`fake-discord: ${JSON.stringify(customId)} takes ${min}..${max} values, got ${values.length}`);
      data = { custom_id: customId, component_type: 3, values };
    }
    const iid = snowflake(this.now());
    const payload: FakeInteractionPayload = {
      ...this.base(loc.guild, loc.member, loc.channel, iid, randomToken()),
      type: 3,
      data,
      message: structuredClone(m),
    };
    return this.dispatchInteraction(payload, 'component', customId, loc, { command: null, sourceMessageId: m.id, focusedType: undefined });
  }

  private optionCtx(guild: GuildRecord, member: MemberRecord) {
    return { world: this.world, guild, channelPerms: () => this.world.memberPermissions(member) };
  }

  private registeredNames(guildId: string): string {
    const names = [...this.commands.list(guildId), ...this.commands.list(null)].map((c) => `/${c.name}`);
    return names.join(', ') || 'none';
  }

  registeredCommands(guildId?: string): APIApplicationCommand[] {
    return this.commands.list(guildId ?? null);
  }

  async waitForCommands(options: { guildId?: string; names?: string[]; timeoutMs?: number } = {}): Promise<APIApplicationCommand[]> {
    const timeoutMs = options.timeoutMs ?? 10_000;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const list = [...(options.guildId ? this.commands.list(options.guildId) : []), ...this.commands.list(null)];
      const names = new Set(list.map((c) => c.name));
      const done = options.names ? options.names.every((n) => names.has(n)) : list.length > 0;
      if (done) return list;
      if (this.closed || Date.now() > deadline) {
        throw new Error(`fake-discord: commands ${JSON.stringify(options.names ?? 'any')} not registered within ${timeoutMs} ms (have: ${[...names].join(', ') || 'none'})`);
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  async waitForReady(options: { timeoutMs?: number; fresh?: boolean } = {}): Promise<void> {
    const timeoutMs = options.timeoutMs ?? 15_000;
    const start = this.gateway.epoch;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const done = options.fresh ? this.gateway.epoch > start && this.gateway.isReady() : this.gateway.isReady();
      if (done) return;
      if (this.closed) throw new Error('fake-discord: closed');
      if (Date.now() > deadline) throw new Error(`fake-discord: the bot did not identify within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  channelMessages(channelId: string): APIMessage[] {
    return this.visibleIn(channelId);
  }

  messageById(id: string): APIMessage | undefined {
    const m = this.store.get(id);
    return m && !m.deleted ? structuredClone(m.message) : undefined;
  }

  async waitForChannelMessage(channelId: string, predicate: (m: APIMessage) => boolean = () => true, timeoutMs = 5000): Promise<APIMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.visibleIn(channelId).find(predicate);
      if (hit) return hit;
      if (this.closed || Date.now() > deadline) throw new Error(`fake-discord: no matching message in channel ${channelId} within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  attachmentData(attachmentId: string): Buffer | undefined {
    return this.store.attachmentData(attachmentId);
  }

  onAcknowledged(listener: (kind: InteractionKind, userId: string) => void): void {
    this.ackListeners.push(listener);
  }

  acknowledged(): AckRecord[] {
    return [...this.interactions.values()].map((r) => {
      const first = r.callbacks[0];
      return {
        interactionId: r.id,
        kind: r.kind,
        name: r.name,
        userId: r.userId,
        createdAt: r.dispatchedAt,
        ackAt: first?.at ?? null,
        ackMs: first ? first.elapsedMs : null,
        callbackType: first?.type ?? null,
      };
    });
  }

  async settle(timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const pending = [...this.interactions.values()].filter((r) => !r.acked && !r.expired);
      const quiet = [...this.interactions.values()].every((r) => Date.now() - r.lastActivityAt >= 100);
      if (pending.length === 0 && quiet) return;
      if (this.closed || Date.now() > deadline) {
        throw new Error(`fake-discord: ${pending.length} interaction(s) still unanswered after ${timeoutMs} ms`);
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  violations(): Violation[] {
    return structuredClone(this.violationList);
  }

  assertNoViolations(): void {
    if (this.violationList.length === 0) return;
    const lines = this.violationList.map((v) => `  [${v.rule}] ${v.detail}${v.route ? ` (${v.route})` : ''}`);
    throw new Error(`fake-discord: ${this.violationList.length} violation(s):\n${lines.join('\n')}`);
  }

  clearViolations(): void {
    this.violationList.length = 0;
  }

  requests(): RequestRecord[] {
    return structuredClone(this.requestLog);
  }

  setChannelState(channelId: string, state: ChannelState, options: { notify?: boolean } = {}): void {
    const ch = this.world.channels.get(channelId);
    if (!ch) throw new Error(`fake-discord: no channel ${channelId}`);
    const before = ch.state;
    ch.state = state;
    // Deleting (or restoring) a channel is announced on the gateway; losing access is not.
    const notify = options.notify ?? (state === 'deleted' || before === 'deleted');
    if (!notify) return;
    if (state === 'deleted') this.gateway.dispatch('CHANNEL_DELETE', this.world.channelObject(ch));
    else if (before === 'deleted') this.gateway.dispatch('CHANNEL_CREATE', this.world.channelObject(ch));
    else this.gateway.dispatch('CHANNEL_UPDATE', this.world.channelObject(ch));
  }

  injectFault(spec: FaultSpec): FaultHandle {
    return this.faults.add(spec);
  }

  expireNonces(): void {
    this.nonces.clear();
  }

  removeMember(guildId: string, userId: string): void {
    const g = this.world.guilds.get(guildId);
    if (!g?.members.delete(userId)) throw new Error(`fake-discord: no member ${userId} in guild ${guildId}`);
  }

  removeBotFromGuild(guildId: string): void {
    const g = this.world.guilds.get(guildId);
    if (!g) throw new Error(`fake-discord: no guild ${guildId}`);
    this.gateway.dispatch('GUILD_DELETE', { id: guildId });
  }

  dropGateway(options: { resumable?: boolean; code?: number } = {}): void {
    this.gateway.drop(options.resumable ?? true, options.code ?? 4000);
  }

  gatewayInfo(): GatewayInfo {
    return this.gateway.info();
  }

  advanceTime(ms: number): void {
    this.timeOffset += ms;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const r of this.interactions.values()) if (r.timer) clearTimeout(r.timer);
    this.gateway.close();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}

function wouldBeEmpty(existing: APIMessage, body: JsonObject, fileCount: number): boolean {
  const merged: JsonObject = {
    content: 'content' in body ? (body.content ?? '') : existing.content,
    embeds: 'embeds' in body ? (body.embeds ?? []) : existing.embeds.length,
    components: 'components' in body ? (body.components ?? []) : (existing.components?.length ?? 0),
    attachments: 'attachments' in body ? (body.attachments ?? []) : existing.attachments.length,
  };
  // Counts stand in for the existing arrays; only emptiness matters here.
  for (const k of ['embeds', 'components', 'attachments'] as const) {
    const v = merged[k];
    if (typeof v === 'number') merged[k] = v > 0 ? [null] : [];
  }
  return isEmptyMessage(merged, fileCount);
}

function walkComponents(list: unknown[], visit: (c: JsonObject) => void): void {
  for (const c of list) {
    if (!isObject(c)) continue;
    visit(c);
    if (Array.isArray(c.components)) walkComponents(c.components, visit);
    if (isObject(c.accessory)) walkComponents([c.accessory], visit);
    if (isObject(c.component)) walkComponents([c.component], visit);
  }
}

function findComponent(list: unknown[], customId: string): JsonObject | undefined {
  let hit: JsonObject | undefined;
  walkComponents(list, (c) => {
    if (!hit && c.custom_id === customId) hit = c;
  });
  return hit;
}

function listCustomIds(list: unknown[]): string[] {
  const ids: string[] = [];
  walkComponents(list, (c) => {
    if (typeof c.custom_id === 'string') ids.push(c.custom_id);
  });
  return ids;
}

export async function startFakeDiscord(options: FakeDiscordOptions): Promise<FakeDiscord> {
  const server = createServer();
  const fake = new Fake(options, server);
  server.on('request', (req, res) => {
    fake.handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { message: String(err), code: 0 });
    });
  });
  server.on('upgrade', (req, socket, head) => {
    fake.gateway.wss.handleUpgrade(req, socket, head, (ws) => fake.gateway.wss.emit('connection', ws, req));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  fake.port = (server.address() as AddressInfo).port;
  return fake;
}
