// What the fake remembers, shared by the REST routes, the driver and the public API: the world,
// messages, commands, live interactions, enforce_nonce memory, the fake clock and the violations.
import type { APIMessage } from 'discord.js';
import { CommandStore } from './commands.js';
import { snowflake } from './http.js';
import type { InteractionRecord } from './interactions.js';
import { MessageStore, type StoredMessage } from './messages.js';
import { World } from './world.js';
import type { FakeDiscordOptions, InteractionKind, RuleName, Violation } from './types.js';

export class FakeState {
  readonly world: World;
  readonly store: MessageStore;
  readonly commands: CommandStore;
  /** Live interactions by id, and by webhook token. */
  readonly interactions = new Map<string, InteractionRecord>();
  readonly byToken = new Map<string, InteractionRecord>();
  /** enforce_nonce memory: channel:nonce -> the message it created. */
  readonly nonces = new Map<string, { messageId: string; at: number }>();
  readonly violationList: Violation[] = [];
  readonly ackListeners: Array<(kind: InteractionKind, userId: string) => void> = [];
  /** Added to Date.now() by advanceTime. */
  timeOffset = 0;
  closed = false;
  port = 0;

  constructor(readonly opts: FakeDiscordOptions) {
    const makeId = (): string => snowflake(this.now());
    this.world = new World(opts, makeId);
    this.store = new MessageStore(
      this.world.botUser,
      opts.applicationId,
      makeId,
      () => this.now(),
      () => `http://127.0.0.1:${this.port}`,
    );
    this.commands = new CommandStore(opts.applicationId, makeId);
  }

  get apiBase(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get wsUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** The fake clock: real time plus whatever advanceTime added. */
  now(): number {
    return Date.now() + this.timeOffset;
  }

  violate(rule: RuleName, detail: string, route?: string, interactionId?: string): void {
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

  /** A channel's messages as everyone sees them (no ephemeral or deleted ones), oldest first. */
  visibleIn(channelId: string): APIMessage[] {
    return this.store
      .all()
      .filter((m) => !m.deleted && !m.ephemeral && m.message.channel_id === channelId)
      .map((m) => structuredClone(m.message));
  }

  /** A new visible message becomes its channel's last_message_id. */
  bumpChannel(channelId: string, stored: StoredMessage): void {
    const ch = this.world.channels.get(channelId) ?? this.world.dmChannels.get(channelId);
    if (ch && !stored.ephemeral) ch.lastMessageId = stored.message.id;
  }
}
