// The fake's guilds, channels, members and users, and the Discord objects built from them.
import type {
  ApplicationFlags,
  ChannelFlags,
  GuildMemberFlags,
  GuildSystemChannelFlags,
  Locale,
  RoleFlags,
  UserFlags,
  APIChannel,
  APIDMChannel,
  APIGuildMember,
  APIInteractionDataResolvedChannel,
  APIInteractionGuildMember,
  APIRole,
  APITextChannel,
  APIUser,
  GatewayGuildCreateDispatchData,
  GatewayReadyDispatchData,
} from 'discord.js';
import type { ChannelState, FakeDiscordOptions } from './types.js';

const bit = (n: number): bigint => 1n << BigInt(n);
export const PERM = {
  ADMINISTRATOR: bit(3),
  MANAGE_GUILD: bit(5),
  ADD_REACTIONS: bit(6),
  VIEW_CHANNEL: bit(10),
  SEND_MESSAGES: bit(11),
  EMBED_LINKS: bit(14),
  ATTACH_FILES: bit(15),
  READ_MESSAGE_HISTORY: bit(16),
  MENTION_EVERYONE: bit(17),
  USE_EXTERNAL_EMOJIS: bit(18),
  CONNECT: bit(20),
  SPEAK: bit(21),
  CHANGE_NICKNAME: bit(26),
  USE_APPLICATION_COMMANDS: bit(31),
  CREATE_PUBLIC_THREADS: bit(35),
  SEND_MESSAGES_IN_THREADS: bit(38),
} as const;

/** What @everyone gets in a fresh guild, roughly. */
export const BASIC_PERMISSIONS =
  PERM.ADD_REACTIONS |
  PERM.VIEW_CHANNEL |
  PERM.SEND_MESSAGES |
  PERM.EMBED_LINKS |
  PERM.ATTACH_FILES |
  PERM.READ_MESSAGE_HISTORY |
  PERM.USE_EXTERNAL_EMOJIS |
  PERM.CONNECT |
  PERM.SPEAK |
  PERM.CHANGE_NICKNAME |
  PERM.USE_APPLICATION_COMMANDS |
  PERM.CREATE_PUBLIC_THREADS |
  PERM.SEND_MESSAGES_IN_THREADS;

export const STAFF_PERMISSIONS = PERM.ADMINISTRATOR | PERM.MANAGE_GUILD;

/** app_permissions in the bot's DM with a user, as Discord sends them. */
export const BOT_DM_APP_PERMISSIONS = PERM.ATTACH_FILES | PERM.EMBED_LINKS | PERM.MENTION_EVERYONE | PERM.USE_EXTERNAL_EMOJIS;

export interface ChannelRecord {
  id: string;
  guildId: string;
  name: string;
  position: number;
  state: ChannelState;
  lastMessageId: string | null;
}

/** The bot's DM channel with one user; Discord keeps one per user. */
export interface DmChannelRecord {
  id: string;
  /** Always null: tells a DM apart from a guild ChannelRecord. */
  guildId: null;
  recipientId: string;
  lastMessageId: string | null;
}

export interface MemberRecord {
  userId: string;
  manageGuild: boolean;
  joinedAt: string;
  isBot: boolean;
}

export interface GuildRecord {
  id: string;
  name: string;
  /** Role given to manageGuild members; @everyone's id is the guild id, as on Discord. */
  staffRoleId: string;
  botRoleId: string;
  channels: Map<string, ChannelRecord>;
  members: Map<string, MemberRecord>;
  joinedAt: string;
}

export class World {
  readonly guilds = new Map<string, GuildRecord>();
  readonly channels = new Map<string, ChannelRecord>();
  readonly users = new Map<string, APIUser>();
  /** The bot's DM channels by channel id, opened on first use. */
  readonly dmChannels = new Map<string, DmChannelRecord>();
  readonly botUser: APIUser;

  constructor(
    opts: FakeDiscordOptions,
    private readonly makeId: () => string,
  ) {
    this.botUser = {
      id: opts.botUserId,
      username: opts.botUsername ?? 'StudyBot',
      discriminator: '0',
      global_name: null,
      avatar: null,
      bot: true,
      verified: true,
      mfa_enabled: false,
      flags: 0 as UserFlags,
      public_flags: 0 as UserFlags,
    };
    this.users.set(this.botUser.id, this.botUser);
    const joinedAt = new Date(Date.now() - 30 * 86_400_000).toISOString();
    for (const g of opts.guilds) {
      const guild: GuildRecord = {
        id: g.id,
        name: g.name,
        staffRoleId: makeId(),
        botRoleId: makeId(),
        channels: new Map(),
        members: new Map(),
        joinedAt,
      };
      g.channels.forEach((c, position) => {
        const ch: ChannelRecord = { id: c.id, guildId: g.id, name: c.name, position, state: 'ok', lastMessageId: null };
        guild.channels.set(c.id, ch);
        this.channels.set(c.id, ch);
      });
      for (const m of g.members) {
        if (!this.users.has(m.id)) {
          this.users.set(m.id, {
            id: m.id,
            username: m.username,
            discriminator: '0',
            global_name: m.username,
            avatar: null,
            public_flags: 0 as UserFlags,
          });
        }
        guild.members.set(m.id, { userId: m.id, manageGuild: m.manageGuild, joinedAt, isBot: false });
      }
      guild.members.set(this.botUser.id, { userId: this.botUser.id, manageGuild: false, joinedAt, isBot: true });
      this.guilds.set(g.id, guild);
    }
  }

  guild(idOrName: string): GuildRecord | undefined {
    const byId = this.guilds.get(idOrName);
    if (byId) return byId;
    for (const g of this.guilds.values()) if (g.name === idOrName) return g;
    return undefined;
  }

  /** A member by id or username, so tests can write fake.slash('alice', ...). */
  member(guild: GuildRecord, idOrName: string): MemberRecord | undefined {
    const byId = guild.members.get(idOrName);
    if (byId) return byId;
    for (const m of guild.members.values()) if (this.users.get(m.userId)?.username === idOrName) return m;
    return undefined;
  }

  channel(guild: GuildRecord, idOrName: string): ChannelRecord | undefined {
    const byId = guild.channels.get(idOrName);
    if (byId) return byId;
    for (const c of guild.channels.values()) if (c.name === idOrName) return c;
    return undefined;
  }

  /** Any user the fake knows (members of any guild, past members, the bot), by id or username. */
  findUser(idOrName: string): APIUser | undefined {
    const byId = this.users.get(idOrName);
    if (byId) return { ...byId };
    for (const u of this.users.values()) if (u.username === idOrName) return { ...u };
    return undefined;
  }

  /** The bot's DM channel with a user, opened the first time it is needed. */
  dmChannel(userId: string): DmChannelRecord {
    for (const dm of this.dmChannels.values()) if (dm.recipientId === userId) return dm;
    const dm: DmChannelRecord = { id: this.makeId(), guildId: null, recipientId: userId, lastMessageId: null };
    this.dmChannels.set(dm.id, dm);
    return dm;
  }

  dmChannelObject(dm: DmChannelRecord): APIDMChannel {
    return {
      id: dm.id,
      type: 1,
      name: null,
      last_message_id: dm.lastMessageId,
      flags: 0 as ChannelFlags,
      recipients: [this.user(dm.recipientId)],
    };
  }

  user(id: string): APIUser {
    const u = this.users.get(id);
    if (!u) throw new Error(`fake-discord: unknown user ${id}`);
    return { ...u };
  }

  memberPermissions(m: MemberRecord): bigint {
    return m.manageGuild ? BASIC_PERMISSIONS | STAFF_PERMISSIONS : BASIC_PERMISSIONS;
  }

  /** The bot's permissions in a channel; a "missing access" channel hides it from the bot. */
  appPermissions(ch: ChannelRecord): bigint {
    if (ch.state === 'missing-access') return BASIC_PERMISSIONS & ~(PERM.VIEW_CHANNEL | PERM.SEND_MESSAGES | PERM.READ_MESSAGE_HISTORY);
    return BASIC_PERMISSIONS;
  }

  roleIds(guild: GuildRecord, m: MemberRecord): string[] {
    if (m.isBot) return [guild.botRoleId];
    return m.manageGuild ? [guild.staffRoleId] : [];
  }

  roles(guild: GuildRecord): APIRole[] {
    const role = (id: string, name: string, position: number, perms: bigint, managed: boolean): APIRole => ({
      id,
      name,
      color: 0,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false,
      icon: null,
      unicode_emoji: null,
      position,
      permissions: perms.toString(),
      managed,
      mentionable: false,
      flags: 0 as RoleFlags,
      ...(managed ? { tags: { bot_id: this.botUser.id } } : {}),
    });
    return [
      role(guild.id, '@everyone', 0, BASIC_PERMISSIONS, false),
      role(guild.staffRoleId, 'Staff', 1, STAFF_PERMISSIONS, false),
      role(guild.botRoleId, this.botUser.username, 2, BASIC_PERMISSIONS, true),
    ];
  }

  guildMember(guild: GuildRecord, m: MemberRecord): APIGuildMember {
    return {
      user: this.user(m.userId),
      nick: null,
      avatar: null,
      banner: null,
      roles: this.roleIds(guild, m),
      joined_at: m.joinedAt,
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0 as GuildMemberFlags,
      pending: false,
      communication_disabled_until: null,
    };
  }

  interactionMember(guild: GuildRecord, m: MemberRecord): APIInteractionGuildMember {
    return { ...this.guildMember(guild, m), user: this.user(m.userId), permissions: this.memberPermissions(m).toString() };
  }

  channelObject(ch: ChannelRecord): APITextChannel {
    return {
      id: ch.id,
      type: 0,
      guild_id: ch.guildId,
      name: ch.name,
      position: ch.position,
      permission_overwrites: [],
      parent_id: null,
      nsfw: false,
      topic: null,
      last_message_id: ch.lastMessageId,
      last_pin_timestamp: null,
      rate_limit_per_user: 0,
      default_auto_archive_duration: 1440,
      default_thread_rate_limit_per_user: 0,
      flags: 0 as ChannelFlags,
    };
  }

  resolvedChannel(ch: ChannelRecord, perms: bigint): APIInteractionDataResolvedChannel {
    return { id: ch.id, name: ch.name, type: 0, permissions: perms.toString() };
  }

  visibleChannels(guild: GuildRecord): APIChannel[] {
    return [...guild.channels.values()].filter((c) => c.state === 'ok').map((c) => this.channelObject(c));
  }

  guildObject(
    guild: GuildRecord,
  ): Omit<
    GatewayGuildCreateDispatchData,
    | 'joined_at'
    | 'large'
    | 'member_count'
    | 'voice_states'
    | 'members'
    | 'channels'
    | 'threads'
    | 'presences'
    | 'stage_instances'
    | 'guild_scheduled_events'
    | 'soundboard_sounds'
  > {
    const owner = [...guild.members.values()].find((m) => m.manageGuild) ?? [...guild.members.values()][0];
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      splash: null,
      discovery_splash: null,
      banner: null,
      description: null,
      owner_id: owner?.userId ?? this.botUser.id,
      region: 'us-east',
      afk_channel_id: null,
      afk_timeout: 300,
      widget_enabled: false,
      widget_channel_id: null,
      verification_level: 0,
      default_message_notifications: 1,
      explicit_content_filter: 0,
      roles: this.roles(guild),
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: null,
      system_channel_flags: 0 as GuildSystemChannelFlags,
      rules_channel_id: null,
      max_presences: null,
      max_members: 500000,
      vanity_url_code: null,
      premium_tier: 0,
      premium_subscription_count: 0,
      preferred_locale: 'en-US' as Locale,
      public_updates_channel_id: null,
      max_video_channel_users: 25,
      max_stage_video_channel_users: 50,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      hub_type: null,
      safety_alerts_channel_id: null,
      incidents_data: null,
    };
  }

  /** READY: the bot user and every guild, unavailable until its GUILD_CREATE. */
  ready(sessionId: string, resumeUrl: string, applicationId: string): GatewayReadyDispatchData {
    return {
      v: 10,
      user: this.user(this.botUser.id),
      guilds: [...this.guilds.keys()].map((id) => ({ id, unavailable: true })),
      session_id: sessionId,
      resume_gateway_url: resumeUrl,
      shard: [0, 1],
      application: { id: applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
    };
  }

  /** Members of a guild for a gateway member request (op 8): all, or the given user ids. */
  memberChunk(guildId: string, userIds: string[] | null): APIGuildMember[] {
    const g = this.guilds.get(guildId);
    if (!g) return [];
    return [...g.members.values()].filter((m) => userIds === null || userIds.includes(m.userId)).map((m) => this.guildMember(g, m));
  }

  guildCreate(guild: GuildRecord): GatewayGuildCreateDispatchData {
    return {
      ...this.guildObject(guild),
      joined_at: guild.joinedAt,
      large: false,
      unavailable: false,
      member_count: guild.members.size,
      voice_states: [],
      // Discord sends only the bot's own member (and voice/large-guild extras) without GUILD_MEMBERS.
      members: [...guild.members.values()].filter((m) => m.isBot).map((m) => this.guildMember(guild, m)),
      channels: [...guild.channels.values()].filter((c) => c.state !== 'deleted').map((c) => this.channelObject(c)),
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }
}
