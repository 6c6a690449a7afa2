// The test's hands: what a user does in the Discord client (run a slash command in a guild or in
// the bot's DMs, type into an autocomplete option, click a button, pick from a select), turned
// into INTERACTION_CREATE payloads as Discord builds them and dispatched to the bot with a 3 s
// acknowledgement timer.
import type { APIApplicationCommand, APIMessage, APIUser, InteractionContextType, Locale } from 'discord.js';
import type { Gateway } from './gateway.js';
import { randomToken, snowflake } from './http.js';
import { buildOptions, InteractionRecord, makeHandle, splitCommand } from './interactions.js';
import type { FakeState } from './state.js';
import { isObject, MESSAGE_FLAG_LOADING } from './validate.js';
import { BOT_DM_APP_PERMISSIONS, type ChannelRecord, type DmChannelRecord, type GuildRecord, type MemberRecord } from './world.js';
import type { FakeInteractionPayload, Interaction, InteractionKind, JsonObject, SlashOptions } from './types.js';

const ACK_WINDOW_MS = 3000;
const EN_US = 'en-US' as Locale;
const CONTEXT_GUILD = 0 as InteractionContextType;
const CONTEXT_BOT_DM = 1 as InteractionContextType;

interface Located {
  guild: GuildRecord;
  member: MemberRecord;
  channel: ChannelRecord;
}

/** The bot's DM with a user. */
interface InDm {
  user: APIUser;
  dm: DmChannelRecord;
}

/** Where an interaction happens. */
type Place = Located | InDm;

const inDm = (p: Place): p is InDm => 'dm' in p;
const userOf = (p: Place): string => (inDm(p) ? p.user.id : p.member.userId);

interface DispatchExtra {
  command: APIApplicationCommand | null;
  sourceMessageId: string | null;
  focusedType: number | undefined;
}

export class Driver {
  constructor(
    private readonly s: FakeState,
    private readonly gateway: Gateway,
  ) {}

  slash(
    memberId: string,
    guildId: string,
    channelId: string,
    name: string,
    options: SlashOptions = {},
    subcommand?: string,
  ): Promise<Interaction> {
    return this.command(memberId, guildId, channelId, name, options, subcommand, false);
  }

  slashTampered(
    memberId: string,
    guildId: string,
    channelId: string,
    name: string,
    options: SlashOptions = {},
    subcommand?: string,
  ): Promise<Interaction> {
    return this.command(memberId, guildId, channelId, name, options, subcommand, true);
  }

  /** A slash command in the bot's DM with a user: a global command that allows the BotDM context. */
  async slashInDm(userId: string, name: string, options: SlashOptions = {}, subcommand?: string): Promise<Interaction> {
    this.ensureConnected();
    const place = this.dmOf(userId);
    const split = splitCommand(name, subcommand);
    const cmd = this.s.commands.findGlobal(split.name);
    if (!cmd) {
      const guilds = this.s.commands.guildsWith(split.name);
      if (guilds.length > 0) {
        const where = guilds.map((id) => this.s.world.guilds.get(id)?.name ?? id).join(', ');
        throw new Error(
          `fake-discord: /${split.name} is registered only as a guild command (${where}); guild commands cannot be used in DMs, register it globally with the BotDM context`,
        );
      }
      const global = this.s.commands.list(null).map((c) => `/${c.name}`);
      throw new Error(
        `fake-discord: /${split.name} is not registered globally, so it cannot be used in DMs (global commands: ${global.join(', ') || 'none'})`,
      );
    }
    if (cmd.contexts && !cmd.contexts.includes(CONTEXT_BOT_DM)) {
      throw new Error(
        `fake-discord: /${cmd.name} does not allow the BotDM context (contexts: ${JSON.stringify(cmd.contexts)}), so Discord does not offer it in DMs`,
      );
    }
    const built = buildOptions({ world: this.s.world, guild: null, channelPerms: () => 0n }, cmd, split.path, options, null);
    const id = snowflake(this.s.now());
    const payload: FakeInteractionPayload = {
      ...this.base(place, id, randomToken()),
      type: 2,
      data: {
        id: cmd.id,
        name: cmd.name,
        type: 1,
        ...(built.options.length ? { options: built.options } : {}),
        ...(Object.keys(built.resolved).length ? { resolved: built.resolved } : {}),
      },
    };
    return this.dispatch(payload, 'command', built.fullName, place, { command: cmd, sourceMessageId: null, focusedType: undefined });
  }

  private async command(
    memberId: string,
    guildId: string,
    channelId: string,
    name: string,
    options: SlashOptions,
    subcommand: string | undefined,
    tampered: boolean,
  ): Promise<Interaction> {
    this.ensureConnected();
    const loc = this.locate(memberId, guildId, channelId);
    const split = splitCommand(name, subcommand);
    const cmd = this.s.commands.find(loc.guild.id, split.name);
    if (!cmd) throw new Error(`fake-discord: /${split.name} is not registered (registered: ${this.registeredNames(loc.guild.id)})`);
    const built = buildOptions({ ...this.optionCtx(loc.guild, loc.member), tampered }, cmd, split.path, options, null);
    const id = snowflake(this.s.now());
    const payload: FakeInteractionPayload = {
      ...this.base(loc, id, randomToken()),
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
    return this.dispatch(payload, 'command', built.fullName, loc, { command: cmd, sourceMessageId: null, focusedType: undefined });
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
    const cmd = this.s.commands.find(loc.guild.id, split.name);
    if (!cmd) throw new Error(`fake-discord: /${split.name} is not registered (registered: ${this.registeredNames(loc.guild.id)})`);
    const built = buildOptions(this.optionCtx(loc.guild, loc.member), cmd, split.path, otherOptions, { name: focusedOption, value });
    const id = snowflake(this.s.now());
    const payload: FakeInteractionPayload = {
      ...this.base(loc, id, randomToken()),
      type: 4,
      data: {
        id: cmd.id,
        name: cmd.name,
        type: 1,
        ...(cmd.guild_id ? { guild_id: cmd.guild_id } : {}),
        options: built.options,
      },
    };
    return this.dispatch(payload, 'autocomplete', `${built.fullName} ${focusedOption}`, loc, {
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
  private component(
    memberId: string,
    message: APIMessage | string,
    customId: string,
    values: string[] | null,
    forged = false,
  ): Interaction {
    this.ensureConnected();
    const id = typeof message === 'string' ? message : message.id;
    const stored = this.s.store.get(id);
    if (!stored || stored.deleted) throw new Error(`fake-discord: message ${id} does not exist (or was deleted)`);
    const m = stored.message;
    const place = stored.guildId === null ? this.dmMessagePlace(memberId, m) : this.locate(memberId, stored.guildId, m.channel_id);
    if (stored.ephemeral && stored.visibleTo !== userOf(place)) {
      throw new Error(`fake-discord: message ${id} is ephemeral for ${stored.visibleTo ?? '?'}; ${memberId} cannot see it`);
    }
    if (((m.flags ?? 0) & MESSAGE_FLAG_LOADING) !== 0)
      throw new Error(`fake-discord: message ${id} is still "thinking"; it has no components yet`);
    const comp = forged ? { type: 2 } : findComponent(m.components ?? [], customId);
    if (!comp) {
      const ids = listCustomIds(m.components ?? []);
      throw new Error(
        `fake-discord: message ${id} has no component ${JSON.stringify(customId)} (has: ${ids.map((s) => JSON.stringify(s)).join(', ') || 'none'})`,
      );
    }
    if (comp.disabled === true) throw new Error(`fake-discord: component ${JSON.stringify(customId)} is disabled`);
    let data: { custom_id: string; component_type: 2 } | { custom_id: string; component_type: 3; values: string[] };
    if (values === null) {
      if (comp.type !== 2)
        throw new Error(`fake-discord: ${JSON.stringify(customId)} is not a button (type ${String(comp.type)}); use select()`);
      data = { custom_id: customId, component_type: 2 };
    } else {
      if (comp.type !== 3) throw new Error(`fake-discord: ${JSON.stringify(customId)} is not a string select (type ${String(comp.type)})`);
      const options = Array.isArray(comp.options) ? comp.options.filter(isObject) : [];
      for (const v of values) {
        if (!options.some((o) => o.value === v))
          throw new Error(`fake-discord: ${JSON.stringify(v)} is not an option of ${JSON.stringify(customId)}`);
      }
      const min = typeof comp.min_values === 'number' ? comp.min_values : 1;
      const max = typeof comp.max_values === 'number' ? comp.max_values : 1;
      if (values.length < min || values.length > max)
        throw new Error(`fake-discord: ${JSON.stringify(customId)} takes ${min}..${max} values, got ${values.length}`);
      data = { custom_id: customId, component_type: 3, values };
    }
    const iid = snowflake(this.s.now());
    const payload: FakeInteractionPayload = {
      ...this.base(place, iid, randomToken()),
      type: 3,
      data,
      message: structuredClone(m),
    };
    return this.dispatch(payload, 'component', customId, place, { command: null, sourceMessageId: m.id, focusedType: undefined });
  }

  private optionCtx(guild: GuildRecord, member: MemberRecord) {
    return { world: this.s.world, guild, channelPerms: () => this.s.world.memberPermissions(member) };
  }

  private registeredNames(guildId: string): string {
    const names = [...this.s.commands.list(guildId), ...this.s.commands.list(null)].map((c) => `/${c.name}`);
    return names.join(', ') || 'none';
  }

  private locate(memberId: string, guildId: string, channelId: string): Located {
    const w = this.s.world;
    const guild = w.guild(guildId);
    if (!guild) throw new Error(`fake-discord: no guild ${guildId}`);
    const member = w.member(guild, memberId);
    if (!member) throw new Error(`fake-discord: no member ${memberId} in guild ${guild.name}`);
    const channel = w.channel(guild, channelId);
    if (!channel) throw new Error(`fake-discord: no channel ${channelId} in guild ${guild.name}`);
    if (channel.state === 'deleted') throw new Error(`fake-discord: channel ${channel.name} is deleted; nobody can use it`);
    return { guild, member, channel };
  }

  private dmOf(userIdOrName: string): InDm {
    const w = this.s.world;
    const user = w.findUser(userIdOrName);
    if (!user) throw new Error(`fake-discord: no user ${userIdOrName}`);
    if (user.id === w.botUser.id) throw new Error('fake-discord: the bot cannot DM itself');
    return { user, dm: w.dmChannel(user.id) };
  }

  /** Only the DM's recipient sees a message in the bot's DM with them. */
  private dmMessagePlace(userIdOrName: string, m: APIMessage): InDm {
    const place = this.dmOf(userIdOrName);
    if (place.dm.id !== m.channel_id)
      throw new Error(`fake-discord: message ${m.id} is not in ${place.user.username}'s DM with the bot; they cannot see it`);
    return place;
  }

  /** The fields every interaction carries: with guild and member in a guild, with user in a DM. */
  private base(place: Place, id: string, token: string) {
    const w = this.s.world;
    if (inDm(place)) {
      return {
        id,
        application_id: this.s.opts.applicationId,
        token,
        version: 1 as const,
        channel_id: place.dm.id,
        channel: w.dmChannelObject(place.dm),
        user: w.user(place.user.id),
        app_permissions: BOT_DM_APP_PERMISSIONS.toString(),
        locale: EN_US,
        entitlements: [],
        // As Discord sends it for a user install; a guild install in the bot's DMs gets {'0': '0'}.
        authorizing_integration_owners: { '1': place.user.id },
        context: CONTEXT_BOT_DM,
        attachment_size_limit: 10 * 1024 * 1024,
      };
    }
    const { guild, member, channel } = place;
    return {
      id,
      application_id: this.s.opts.applicationId,
      token,
      version: 1 as const,
      guild_id: guild.id,
      guild: { id: guild.id, locale: EN_US, features: [] },
      channel_id: channel.id,
      channel: w.channelObject(channel),
      member: w.interactionMember(guild, member),
      app_permissions: w.appPermissions(channel).toString(),
      locale: EN_US,
      guild_locale: EN_US,
      entitlements: [],
      authorizing_integration_owners: { '0': guild.id },
      context: CONTEXT_GUILD,
      attachment_size_limit: 10 * 1024 * 1024,
    };
  }

  private ensureConnected(): void {
    if (this.s.closed) throw new Error('fake-discord: closed');
    if (!this.gateway.hasSession()) throw new Error('fake-discord: the bot has no gateway session (not connected or not identified yet)');
  }

  private dispatch(payload: FakeInteractionPayload, kind: InteractionKind, name: string, place: Place, extra: DispatchExtra): Interaction {
    const s = this.s;
    const rec = new InteractionRecord(
      payload.id,
      payload.token,
      kind,
      name,
      userOf(place),
      inDm(place) ? null : place.guild.id,
      inDm(place) ? place.dm.id : place.channel.id,
      s.now(),
      payload,
      extra.command,
      extra.sourceMessageId,
      extra.focusedType,
    );
    s.interactions.set(rec.id, rec);
    s.byToken.set(rec.token, rec);
    rec.timer = setTimeout(() => {
      rec.timer = null;
      if (rec.acked || s.closed) return;
      rec.expired = true;
      s.violate('ack-within-3s', `${kind} ${JSON.stringify(name)} (${rec.id}) got no initial response within 3 seconds`, undefined, rec.id);
    }, ACK_WINDOW_MS);
    rec.timer.unref();
    this.gateway.dispatch('INTERACTION_CREATE', payload);
    return makeHandle(rec, s.store, () => s.closed);
  }
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
