// Building INTERACTION_CREATE payloads the way Discord does, and the per-interaction record that
// the REST side fills in (callbacks, original message, follow-ups) and the test reads.
import type {
  APIApplicationCommand,
  APIApplicationCommandInteractionDataOption,
  APIApplicationCommandOption,
  APIInteractionDataResolved,
  APIMessage,
} from 'discord.js';
import type { MessageStore } from './messages.js';
import type { CallbackRecord, FakeInteractionPayload, FinalOptions, Interaction, InteractionKind, SlashOptions } from './types.js';
import type { GuildRecord, World } from './world.js';

type DataOption = APIApplicationCommandInteractionDataOption;

export class InteractionRecord {
  readonly callbacks: CallbackRecord[] = [];
  /** Set when the 3 s window closed without a response: Discord then forgets the interaction. */
  expired = false;
  originalMessageId: string | null = null;
  readonly followUpIds: string[] = [];
  /** The message the user last saw change because of this interaction. */
  lastMessageId: string | null = null;
  /** Count of message creates/edits/deletes made through this interaction. */
  activity = 0;
  lastActivityAt = Date.now();
  /** Activity count right after the initial callback, so final() can tell what came after it. */
  activityAtAck = 0;
  timer: NodeJS.Timeout | null = null;

  constructor(
    readonly id: string,
    readonly token: string,
    readonly kind: InteractionKind,
    readonly name: string,
    readonly userId: string,
    /** null for an interaction in the bot's DM with the user. */
    readonly guildId: string | null,
    readonly channelId: string,
    /** Fake-clock time, for the 15 minute token lifetime. */
    readonly createdAt: number,
    readonly payload: FakeInteractionPayload,
    readonly command: APIApplicationCommand | null,
    /** Component interactions: the message the component is on. */
    readonly sourceMessageId: string | null,
    /** Autocomplete: the registered type of the focused option. */
    readonly focusedType: number | undefined,
  ) {}

  /** Real time of dispatch, for ack latency. */
  readonly dispatchedAt = Date.now();

  get acked(): boolean {
    return this.callbacks.length > 0;
  }

  touch(messageId: string | null): void {
    this.activity++;
    this.lastActivityAt = Date.now();
    if (messageId !== null) this.lastMessageId = messageId;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls rather than wiring events: simple, and 20 ms is nothing next to the bot's latency. */
async function until<T>(probe: () => T | undefined, timeoutMs: number, describeFailure: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() >= deadline) throw new Error(describeFailure());
    await sleep(20);
  }
}

export function makeHandle(rec: InteractionRecord, store: MessageStore, closed: () => boolean): Interaction {
  const current = (id: string | null): APIMessage | undefined => {
    if (id === null) return undefined;
    const m = store.get(id);
    return m && !m.deleted ? structuredClone(m.message) : undefined;
  };
  const label = `${rec.kind} ${JSON.stringify(rec.name)} (${rec.id})`;
  const handle: Interaction = {
    id: rec.id,
    token: rec.token,
    kind: rec.kind,
    payload: rec.payload,
    response: (timeoutMs = 3500) =>
      until(
        () => (closed() ? null : rec.callbacks[0] ? structuredClone(rec.callbacks[0]) : undefined),
        timeoutMs,
        () => `fake-discord: no response to ${label} within ${timeoutMs} ms`,
      ).then((r) => {
        if (r === null) throw new Error('fake-discord: closed');
        return r;
      }),
    callbacks: () => structuredClone(rec.callbacks),
    original: () => current(rec.originalMessageId),
    followUps: () => rec.followUpIds.map((id) => current(id)).filter((m): m is APIMessage => m !== undefined),
    final: async (options: FinalOptions = {}) => {
      const timeoutMs = options.timeoutMs ?? 5000;
      const quietMs = options.quietMs ?? 150;
      const started = Date.now();
      const first = await handle.response(timeoutMs);
      if (first.type === 1 || first.type === 8 || first.type === 9) {
        throw new Error(`fake-discord: ${label} was answered with callback type ${first.type}, which shows no message`);
      }
      // After a deferral (5, 6) the visible message only exists once the bot edits or follows up.
      const baseline = rec.activityAtAck;
      const needsMore = first.type === 5 || first.type === 6;
      const remaining = Math.max(0, timeoutMs - (Date.now() - started));
      const id = await until(
        () => {
          if (needsMore && rec.activity <= baseline) return undefined;
          if (Date.now() - rec.lastActivityAt < quietMs) return undefined;
          return rec.lastMessageId ?? undefined;
        },
        remaining,
        () =>
          needsMore && rec.activity <= baseline
            ? `fake-discord: ${label} was deferred (type ${first.type}) but never edited or followed up within ${timeoutMs} ms`
            : `fake-discord: ${label} did not settle within ${timeoutMs} ms`,
      );
      const msg = current(id);
      if (!msg) throw new Error(`fake-discord: ${label}: the bot deleted message ${id}, so nothing is left to show`);
      return msg;
    },
  };
  return handle;
}

// ---------------------------------------------------------------- options

export interface BuiltOptions {
  options: DataOption[];
  resolved: APIInteractionDataResolved;
  /** "quiz start" style name used in records. */
  fullName: string;
  focusedType: number | undefined;
}

interface Ctx {
  world: World;
  /** null in a DM: user options then name any user the fake knows, and resolve without members. */
  guild: GuildRecord | null;
  channelPerms: (channelId: string) => bigint;
  /** A tampered client: values outside choices, lengths and ranges go through, as a bot must expect. */
  tampered?: boolean;
}

function fail(msg: string): never {
  throw new Error(`fake-discord: ${msg}`);
}

/**
 * Resolves subcommand nesting and converts each given value by the option's registered type,
 * rejecting what a Discord client would not let a user send.
 */
export function buildOptions(
  ctx: Ctx,
  cmd: APIApplicationCommand,
  subcommandPath: string[],
  given: SlashOptions,
  focused: { name: string; value: string } | null,
): BuiltOptions {
  const top = cmd.options ?? [];
  let defs: APIApplicationCommandOption[] = top;
  const wrap: Array<{ type: 1 | 2; name: string }> = [];
  const hasSubs = top.some((o) => o.type === 1 || o.type === 2);
  if (hasSubs) {
    const [first, second] = subcommandPath;
    if (!first) fail(`/${cmd.name} needs a subcommand: ${top.map((o) => o.name).join(', ')}`);
    const a = top.find((o) => o.name === first);
    if (!a || (a.type !== 1 && a.type !== 2)) fail(`/${cmd.name} has no subcommand ${first}`);
    if (a.type === 2) {
      const subs = a.options ?? [];
      if (!second) fail(`/${cmd.name} ${first} needs a subcommand: ${subs.map((o) => o.name).join(', ')}`);
      const b = subs.find((o) => o.name === second);
      if (!b) fail(`/${cmd.name} ${first} has no subcommand ${second}`);
      wrap.push({ type: 2, name: a.name }, { type: 1, name: b.name });
      defs = b.options ?? [];
    } else {
      if (second) fail(`/${cmd.name} ${first} is a subcommand, not a group`);
      wrap.push({ type: 1, name: a.name });
      defs = a.options ?? [];
    }
  } else if (subcommandPath.length > 0) {
    fail(`/${cmd.name} has no subcommands, got ${subcommandPath.join(' ')}`);
  }

  const resolved: APIInteractionDataResolved = {};
  const byName = new Map(defs.map((d) => [d.name, d]));
  for (const name of Object.keys(given)) {
    if (!byName.has(name)) fail(`/${cmd.name} has no option ${name} (options: ${defs.map((d) => d.name).join(', ') || 'none'})`);
  }
  let focusedType: number | undefined;
  if (focused) {
    const def = byName.get(focused.name);
    if (!def) fail(`/${cmd.name} has no option ${focused.name}`);
    if (!('autocomplete' in def) || def.autocomplete !== true) fail(`option ${focused.name} of /${cmd.name} does not have autocomplete`);
    focusedType = def.type;
  }
  const leaf: DataOption[] = [];
  for (const def of defs) {
    if (def.type === 1 || def.type === 2) continue;
    if (focused && def.name === focused.name) {
      // Discord sends the focused option's raw text, whatever its type.
      leaf.push({ name: def.name, type: def.type, value: focused.value, focused: true } as DataOption);
      continue;
    }
    const raw = given[def.name];
    if (raw === undefined) {
      if (def.required && !focused) fail(`/${cmd.name}: required option ${def.name} is missing`);
      continue;
    }
    leaf.push(convert(ctx, cmd, def, raw, resolved, focused !== null));
  }

  let options: DataOption[] = leaf;
  for (let i = wrap.length - 1; i >= 0; i--) {
    const w = wrap[i];
    if (!w) continue;
    options = [{ type: w.type, name: w.name, options } as DataOption];
  }
  return { options, resolved, fullName: [cmd.name, ...wrap.map((w) => w.name)].join(' '), focusedType };
}

function convert(
  ctx: Ctx,
  cmd: APIApplicationCommand,
  def: APIApplicationCommandOption,
  raw: string | number | boolean,
  resolved: APIInteractionDataResolved,
  partial: boolean,
): DataOption {
  const where = `/${cmd.name} option ${def.name}`;
  const limit = (broken: boolean, message: string): void => {
    if (broken && !ctx.tampered) fail(message);
  };
  const checkChoices = (v: string | number): void => {
    if (ctx.tampered) return;
    if ('choices' in def && Array.isArray(def.choices) && def.choices.length > 0 && !partial) {
      if (!def.choices.some((c) => c.value === v))
        fail(`${where}: ${JSON.stringify(v)} is not one of the choices ${JSON.stringify(def.choices.map((c) => c.value))}`);
    }
  };
  switch (def.type) {
    case 3: {
      const v = String(raw);
      limit(def.min_length !== undefined && v.length < def.min_length, `${where}: shorter than min_length ${def.min_length}`);
      limit(def.max_length !== undefined && v.length > def.max_length, `${where}: longer than max_length ${def.max_length}`);
      checkChoices(v);
      return { name: def.name, type: 3, value: v };
    }
    case 4:
    case 10: {
      const v = typeof raw === 'number' ? raw : Number(raw);
      if (!Number.isFinite(v) || (def.type === 4 && !Number.isInteger(v)))
        fail(`${where}: ${JSON.stringify(raw)} is not ${def.type === 4 ? 'an integer' : 'a number'}`);
      limit(def.min_value !== undefined && v < def.min_value, `${where}: below min_value ${def.min_value}`);
      limit(def.max_value !== undefined && v > def.max_value, `${where}: above max_value ${def.max_value}`);
      checkChoices(v);
      return { name: def.name, type: def.type, value: v };
    }
    case 5: {
      const v =
        raw === true || raw === 'true'
          ? true
          : raw === false || raw === 'false'
            ? false
            : fail(`${where}: ${JSON.stringify(raw)} is not a boolean`);
      return { name: def.name, type: 5, value: v };
    }
    case 6:
    case 9: {
      if (ctx.guild === null) {
        // In a DM there are no members or roles: any user Discord knows, resolved as a user only.
        const u = ctx.world.findUser(String(raw));
        if (!u) fail(`${where}: no user ${JSON.stringify(raw)} known to the fake`);
        resolved.users = { ...resolved.users, [u.id]: u };
        return { name: def.name, type: def.type, value: u.id };
      }
      const m = ctx.world.member(ctx.guild, String(raw));
      if (m) {
        const full = ctx.world.interactionMember(ctx.guild, m);
        const { user, ...member } = full;
        resolved.users = { ...resolved.users, [m.userId]: user };
        resolved.members = { ...resolved.members, [m.userId]: member };
        return { name: def.name, type: def.type, value: m.userId };
      }
      if (def.type === 9) {
        const role = ctx.world.roles(ctx.guild).find((r) => r.id === String(raw) || r.name === String(raw));
        if (role) {
          resolved.roles = { ...resolved.roles, [role.id]: role };
          return { name: def.name, type: 9, value: role.id };
        }
      }
      // A user Discord knows who is not (or no longer) in this guild: resolved as a user, without a member.
      const known = def.type === 6 ? ctx.world.users.get(String(raw)) : undefined;
      if (known) {
        resolved.users = { ...resolved.users, [known.id]: { ...known } };
        return { name: def.name, type: 6, value: known.id };
      }
      return fail(`${where}: no member ${JSON.stringify(raw)} in guild ${ctx.guild.name}`);
    }
    case 7: {
      if (ctx.guild === null) fail(`${where}: channel options are not supported in a DM by the fake`);
      const ch = ctx.world.channel(ctx.guild, String(raw));
      if (!ch || ch.state === 'deleted') fail(`${where}: no channel ${JSON.stringify(raw)} in guild ${ctx.guild.name}`);
      if (def.channel_types && def.channel_types.length > 0 && !def.channel_types.some((t) => t === 0)) {
        fail(`${where}: text channels are not among channel_types ${JSON.stringify(def.channel_types)}`);
      }
      resolved.channels = { ...resolved.channels, [ch.id]: ctx.world.resolvedChannel(ch, ctx.channelPerms(ch.id)) };
      return { name: def.name, type: 7, value: ch.id };
    }
    case 8: {
      if (ctx.guild === null) fail(`${where}: there are no roles in a DM`);
      const role = ctx.world.roles(ctx.guild).find((r) => r.id === String(raw) || r.name === String(raw));
      if (!role) fail(`${where}: no role ${JSON.stringify(raw)}`);
      resolved.roles = { ...resolved.roles, [role.id]: role };
      return { name: def.name, type: 8, value: role.id };
    }
    default:
      return fail(`${where}: option type ${def.type} is not supported by the fake`);
  }
}

/** "quiz start" -> ['quiz', 'start'], merged with an explicit subcommand argument. */
export function splitCommand(name: string, subcommand?: string): { name: string; path: string[] } {
  const parts = name.trim().split(/\s+/);
  const [head, ...rest] = parts;
  const extra = subcommand ? subcommand.trim().split(/\s+/) : [];
  return { name: head ?? name, path: [...rest, ...extra] };
}
