// A fake Discord (REST under /api/v10 + gateway) on 127.0.0.1 for end-to-end tests of the bot.
// It behaves like Discord where the bot can tell, and records a violation wherever the bot does
// something Discord would reject or that this project forbids (see validate.ts).
//
// This file wires the parts together and implements the FakeDiscord interface; the REST routes
// are in routes/, user actions in driver.ts, shared memory in state.ts.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIApplicationCommand, APIMessage } from 'discord.js';
import { Driver } from './driver.js';
import { faultReply, Faults, type FaultHandle, type FaultSpec } from './faults.js';
import { Gateway } from './gateway.js';
import { readBody, sendEmpty, sendJson, type ParsedBody } from './http.js';
import { Router, type Reply } from './router.js';
import { applicationRoutes } from './routes/application.js';
import { channelRoutes } from './routes/channels.js';
import { guildRoutes } from './routes/guilds.js';
import { interactionRoutes } from './routes/interactions.js';
import { FakeState } from './state.js';
import type {
  AckRecord,
  ChannelState,
  FakeDiscord,
  FakeDiscordOptions,
  GatewayInfo,
  InteractionKind,
  RequestRecord,
  Violation,
} from './types.js';

export type * from './types.js';

const REQUEST_LOG_LIMIT = 5000;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

class Fake implements FakeDiscord {
  private readonly s: FakeState;
  readonly gateway: Gateway;
  private readonly router: Router;
  private readonly driver: Driver;
  private readonly faults = new Faults();
  private readonly requestLog: RequestRecord[] = [];

  constructor(
    opts: FakeDiscordOptions,
    private readonly server: Server,
  ) {
    const s = new FakeState(opts);
    this.s = s;
    const w = s.world;
    this.gateway = new Gateway({
      token: opts.token,
      heartbeatIntervalMs: opts.heartbeatIntervalMs ?? 41_250,
      ready: (sessionId) => w.ready(sessionId, s.wsUrl, opts.applicationId),
      guildCreates: () => [...w.guilds.values()].map((g) => w.guildCreate(g)),
      members: (guildId, ids) => w.memberChunk(guildId, ids),
      onError: (detail) => s.violate('gateway', detail),
    });
    this.router = new Router({ token: opts.token, violate: (rule, detail, route) => s.violate(rule, detail, route) });
    // Order matters where paths overlap (/users/@me before /users/:user).
    applicationRoutes(this.router, s);
    interactionRoutes(this.router, s);
    channelRoutes(this.router, s);
    guildRoutes(this.router, s);
    this.driver = new Driver(s, this.gateway);
  }

  get apiBase(): string {
    return this.s.apiBase;
  }

  get port(): number {
    return this.s.port;
  }

  set port(port: number) {
    this.s.port = port;
  }

  // ------------------------------------------------------------ HTTP

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const body = await readBody(req);
    const route = `${method} ${url.pathname}`;
    const apiPath = url.pathname.startsWith('/api/v10/') ? url.pathname.slice('/api/v10'.length) : url.pathname;
    const fault = this.faults.take(method, apiPath);
    const handled = fault && !fault.afterHandling ? undefined : this.serve(method, url, body, req.headers.authorization, route);
    const injected = fault ? faultReply(fault) : undefined;
    const reply = injected ?? handled!;
    this.requestLog.push({ method, path: url.pathname, status: reply.status, at: Date.now(), body: body.value });
    if (this.requestLog.length > REQUEST_LOG_LIMIT) this.requestLog.shift();
    if (injected) sendJson(res, injected.status, injected.body, injected.headers);
    else if (Buffer.isBuffer(reply.body)) {
      res.writeHead(reply.status, { 'content-type': 'application/octet-stream' });
      res.end(reply.body);
    } else if (reply.body === undefined) sendEmpty(res, reply.status);
    else sendJson(res, reply.status, reply.body);
  }

  /** Attachment downloads (the CDN, outside /api), then the REST routes. */
  private serve(method: string, url: URL, body: ParsedBody, auth: string | undefined, route: string): Reply {
    const attachment = /^\/attachments\/([^/]+)\//.exec(url.pathname);
    if (method === 'GET' && attachment?.[1]) {
      const data = this.s.store.attachmentData(attachment[1]);
      if (data) return { status: 200, body: data };
    }
    return this.router.dispatch(method, url, body, auth, route);
  }

  // ------------------------------------------------------------ driver API

  readonly slash: FakeDiscord['slash'] = (...args) => this.driver.slash(...args);
  readonly slashTampered: FakeDiscord['slashTampered'] = (...args) => this.driver.slashTampered(...args);
  readonly slashInDm: FakeDiscord['slashInDm'] = (...args) => this.driver.slashInDm(...args);
  readonly autocomplete: FakeDiscord['autocomplete'] = (...args) => this.driver.autocomplete(...args);
  readonly click: FakeDiscord['click'] = (...args) => this.driver.click(...args);
  readonly select: FakeDiscord['select'] = (...args) => this.driver.select(...args);
  readonly forge: FakeDiscord['forge'] = (...args) => this.driver.forge(...args);

  // ------------------------------------------------------------ reading what happened

  registeredCommands(guildId?: string): APIApplicationCommand[] {
    return this.s.commands.list(guildId ?? null);
  }

  async waitForCommands(options: { guildId?: string; names?: string[]; timeoutMs?: number } = {}): Promise<APIApplicationCommand[]> {
    const timeoutMs = options.timeoutMs ?? 10_000;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const list = [...(options.guildId ? this.s.commands.list(options.guildId) : []), ...this.s.commands.list(null)];
      const names = new Set(list.map((c) => c.name));
      const done = options.names ? options.names.every((n) => names.has(n)) : list.length > 0;
      if (done) return list;
      if (this.s.closed || Date.now() > deadline) {
        throw new Error(
          `fake-discord: commands ${JSON.stringify(options.names ?? 'any')} not registered within ${timeoutMs} ms (have: ${[...names].join(', ') || 'none'})`,
        );
      }
      await sleep(25);
    }
  }

  async waitForReady(options: { timeoutMs?: number; fresh?: boolean } = {}): Promise<void> {
    const timeoutMs = options.timeoutMs ?? 15_000;
    const start = this.gateway.epoch;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const done = options.fresh ? this.gateway.epoch > start && this.gateway.isReady() : this.gateway.isReady();
      if (done) return;
      if (this.s.closed) throw new Error('fake-discord: closed');
      if (Date.now() > deadline) throw new Error(`fake-discord: the bot did not identify within ${timeoutMs} ms`);
      await sleep(20);
    }
  }

  channelMessages(channelId: string): APIMessage[] {
    return this.s.visibleIn(channelId);
  }

  messageById(id: string): APIMessage | undefined {
    const m = this.s.store.get(id);
    return m && !m.deleted ? structuredClone(m.message) : undefined;
  }

  async waitForChannelMessage(
    channelId: string,
    predicate: (m: APIMessage) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<APIMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.s.visibleIn(channelId).find(predicate);
      if (hit) return hit;
      if (this.s.closed || Date.now() > deadline)
        throw new Error(`fake-discord: no matching message in channel ${channelId} within ${timeoutMs} ms`);
      await sleep(25);
    }
  }

  attachmentData(attachmentId: string): Buffer | undefined {
    return this.s.store.attachmentData(attachmentId);
  }

  onAcknowledged(listener: (kind: InteractionKind, userId: string) => void): void {
    this.s.ackListeners.push(listener);
  }

  acknowledged(): AckRecord[] {
    return [...this.s.interactions.values()].map((r) => {
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
      const all = [...this.s.interactions.values()];
      const pending = all.filter((r) => !r.acked && !r.expired);
      const quiet = all.every((r) => Date.now() - r.lastActivityAt >= 100);
      if (pending.length === 0 && quiet) return;
      if (this.s.closed || Date.now() > deadline) {
        throw new Error(`fake-discord: ${pending.length} interaction(s) still unanswered after ${timeoutMs} ms`);
      }
      await sleep(25);
    }
  }

  violations(): Violation[] {
    return structuredClone(this.s.violationList);
  }

  assertNoViolations(): void {
    const list = this.s.violationList;
    if (list.length === 0) return;
    const lines = list.map((v) => `  [${v.rule}] ${v.detail}${v.route ? ` (${v.route})` : ''}`);
    throw new Error(`fake-discord: ${list.length} violation(s):\n${lines.join('\n')}`);
  }

  clearViolations(): void {
    this.s.violationList.length = 0;
  }

  requests(): RequestRecord[] {
    return structuredClone(this.requestLog);
  }

  // ------------------------------------------------------------ changing the world

  setChannelState(channelId: string, state: ChannelState, options: { notify?: boolean } = {}): void {
    const w = this.s.world;
    const ch = w.channels.get(channelId);
    if (!ch) throw new Error(`fake-discord: no channel ${channelId}`);
    const before = ch.state;
    ch.state = state;
    // Deleting (or restoring) a channel is announced on the gateway; losing access is not.
    const notify = options.notify ?? (state === 'deleted' || before === 'deleted');
    if (!notify) return;
    if (state === 'deleted') this.gateway.dispatch('CHANNEL_DELETE', w.channelObject(ch));
    else if (before === 'deleted') this.gateway.dispatch('CHANNEL_CREATE', w.channelObject(ch));
    else this.gateway.dispatch('CHANNEL_UPDATE', w.channelObject(ch));
  }

  injectFault(spec: FaultSpec): FaultHandle {
    return this.faults.add(spec);
  }

  expireNonces(): void {
    this.s.nonces.clear();
  }

  removeMember(guildId: string, userId: string): void {
    const g = this.s.world.guilds.get(guildId);
    if (!g?.members.delete(userId)) throw new Error(`fake-discord: no member ${userId} in guild ${guildId}`);
  }

  removeBotFromGuild(guildId: string): void {
    const g = this.s.world.guilds.get(guildId);
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
    this.s.timeOffset += ms;
  }

  async close(): Promise<void> {
    if (this.s.closed) return;
    this.s.closed = true;
    for (const r of this.s.interactions.values()) if (r.timer) clearTimeout(r.timer);
    this.gateway.close();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
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
