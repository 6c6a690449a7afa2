// The gateway: plain JSON frames (no zlib), HELLO / IDENTIFY / READY / GUILD_CREATE, heartbeats,
// RESUME with replay of missed dispatches, INVALID_SESSION.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { WebSocket, WebSocketServer } from 'ws';
import type { GatewayReadyDispatchData } from 'discord.js';
import { isObject } from './validate.js';
import type { GatewayInfo } from './types.js';

interface Dispatch {
  s: number;
  t: string;
  d: unknown;
}

interface Session {
  id: string;
  seq: number;
  /** Recent dispatches, replayed on RESUME. */
  buffer: Dispatch[];
  socket: WebSocket | null;
  valid: boolean;
}

export interface GatewayHooks {
  token: string;
  heartbeatIntervalMs: number;
  ready: (sessionId: string) => GatewayReadyDispatchData;
  /** GUILD_CREATE payloads sent right after READY. */
  guildCreates: () => unknown[];
  /** op 8 (request guild members): the members to return for a guild. */
  members: (guildId: string, userIds: string[] | null) => unknown[];
  onError: (detail: string) => void;
}

const OP = {
  DISPATCH: 0,
  HEARTBEAT: 1,
  IDENTIFY: 2,
  PRESENCE: 3,
  VOICE: 4,
  RESUME: 6,
  RECONNECT: 7,
  REQUEST_MEMBERS: 8,
  INVALID_SESSION: 9,
  HELLO: 10,
  HEARTBEAT_ACK: 11,
} as const;

export class Gateway {
  readonly wss: WebSocketServer;
  private readonly sessions = new Map<string, Session>();
  /** The session dispatches go to: the most recently identified one. */
  private current: Session | null = null;
  private identifies = 0;
  private resumes = 0;
  private intents: number | null = null;
  private readyEpoch = 0;
  private readonly readyWaiters = new Set<() => void>();

  constructor(private readonly hooks: GatewayHooks) {
    this.wss = new WebSocketServer({ noServer: true });
    this.wss.on('connection', (ws: WebSocket, req: IncomingMessage) => this.onConnection(ws, req));
  }

  info(): GatewayInfo {
    return { connected: this.isReady(), identifies: this.identifies, resumes: this.resumes, intents: this.intents };
  }

  /** A live session that finished identifying or resuming. */
  isReady(): boolean {
    return this.current !== null && this.current.valid && this.current.socket?.readyState === WebSocket.OPEN;
  }

  hasSession(): boolean {
    return this.current !== null && this.current.valid;
  }

  get epoch(): number {
    return this.readyEpoch;
  }

  onReady(fn: () => void): () => void {
    this.readyWaiters.add(fn);
    return () => this.readyWaiters.delete(fn);
  }

  private markReady(): void {
    this.readyEpoch++;
    for (const fn of [...this.readyWaiters]) fn();
  }

  /** Sends a dispatch to the current session; buffered for RESUME if its socket is down. */
  dispatch(t: string, d: unknown): boolean {
    const s = this.current;
    if (!s || !s.valid) return false;
    this.send(s, t, d);
    return true;
  }

  private send(s: Session, t: string, d: unknown): void {
    s.seq++;
    const ev: Dispatch = { s: s.seq, t, d };
    s.buffer.push(ev);
    if (s.buffer.length > 1000) s.buffer.shift();
    if (s.socket?.readyState === WebSocket.OPEN) s.socket.send(JSON.stringify({ op: OP.DISPATCH, ...ev }));
  }

  /** Test driver: cut the connection, optionally invalidating the session so RESUME fails. */
  drop(resumable: boolean, code: number): void {
    const s = this.current;
    if (!s) return;
    if (!resumable) s.valid = false;
    s.socket?.close(code, 'fake-discord: dropped by test');
  }

  close(): void {
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
  }

  private onConnection(ws: WebSocket, req: IncomingMessage): void {
    const query = new URL(req.url ?? '/', 'ws://127.0.0.1').searchParams;
    if (query.get('v') !== '10') {
      this.hooks.onError(`gateway: connected with v=${query.get('v') ?? '(none)'}; Discord's current gateway is v=10`);
      ws.close(4012, 'Invalid API version');
      return;
    }
    if ((query.get('encoding') ?? 'json') !== 'json') {
      this.hooks.onError(`gateway: encoding=${query.get('encoding') ?? ''} requested; the fake speaks JSON only`);
      ws.close(4002, 'Error while decoding payload.');
      return;
    }
    let session: Session | null = null;
    const raw = (payload: unknown): void => {
      if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(payload));
    };
    raw({ op: OP.HELLO, d: { heartbeat_interval: this.hooks.heartbeatIntervalMs, _trace: ['fake-discord'] }, s: null, t: null });

    ws.on('message', (data, isBinary) => {
      if (isBinary) {
        this.hooks.onError('gateway: binary frame received; the fake speaks plain JSON (no zlib-stream)');
        ws.close(4002, 'Error while decoding payload.');
        return;
      }
      let msg: unknown;
      try {
        msg = JSON.parse(data.toString());
      } catch {
        ws.close(4002, 'Error while decoding payload.');
        return;
      }
      if (!isObject(msg) || typeof msg.op !== 'number') {
        ws.close(4002, 'Error while decoding payload.');
        return;
      }
      const d = msg.d;
      switch (msg.op) {
        case OP.HEARTBEAT:
          raw({ op: OP.HEARTBEAT_ACK, d: null, s: null, t: null });
          return;
        case OP.IDENTIFY: {
          if (session) {
            ws.close(4005, 'Already authenticated.');
            return;
          }
          if (!isObject(d) || d.token !== this.hooks.token) {
            this.hooks.onError('gateway: IDENTIFY with a wrong token');
            ws.close(4004, 'Authentication failed.');
            return;
          }
          this.identifies++;
          this.intents = typeof d.intents === 'number' ? d.intents : null;
          const s: Session = { id: randomBytes(16).toString('hex'), seq: 0, buffer: [], socket: ws, valid: true };
          this.sessions.set(s.id, s);
          if (this.current && this.current !== s) this.current.valid = this.current.socket?.readyState === WebSocket.OPEN;
          this.current = s;
          session = s;
          this.send(s, 'READY', this.hooks.ready(s.id));
          for (const g of this.hooks.guildCreates()) this.send(s, 'GUILD_CREATE', g);
          this.markReady();
          return;
        }
        case OP.RESUME: {
          const s = isObject(d) && typeof d.session_id === 'string' ? this.sessions.get(d.session_id) : undefined;
          if (!isObject(d) || d.token !== this.hooks.token || !s || !s.valid) {
            // d: false: the session cannot be resumed; discord.js re-identifies.
            setTimeout(() => raw({ op: OP.INVALID_SESSION, d: false, s: null, t: null }), 50).unref();
            return;
          }
          this.resumes++;
          if (s.socket && s.socket !== ws) s.socket.terminate();
          s.socket = ws;
          session = s;
          this.current = s;
          const after = typeof d.seq === 'number' ? d.seq : 0;
          for (const ev of s.buffer) if (ev.s > after) ws.send(JSON.stringify({ op: OP.DISPATCH, ...ev }));
          this.send(s, 'RESUMED', null);
          this.markReady();
          return;
        }
        case OP.REQUEST_MEMBERS: {
          if (!session || !isObject(d) || typeof d.guild_id !== 'string') return;
          const ids = Array.isArray(d.user_ids) ? d.user_ids.map(String) : typeof d.user_ids === 'string' ? [d.user_ids] : null;
          const chunk = {
            guild_id: d.guild_id,
            members: this.hooks.members(d.guild_id, ids),
            chunk_index: 0,
            chunk_count: 1,
            not_found: [],
            ...(typeof d.nonce === 'string' ? { nonce: d.nonce } : {}),
          };
          this.send(session, 'GUILD_MEMBERS_CHUNK', chunk);
          return;
        }
        case OP.PRESENCE:
        case OP.VOICE:
          return;
        default:
          ws.close(4001, 'Unknown opcode.');
      }
    });

    ws.on('close', () => {
      if (session && session.socket === ws) session.socket = null;
    });
    ws.on('error', () => {
      // A reset connection is normal when the bot is killed; close handles the rest.
    });
  }
}
