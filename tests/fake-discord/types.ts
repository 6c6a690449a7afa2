import type { FaultHandle, FaultSpec } from './faults.js';
// Public types of the fake Discord. Discord payload shapes come from discord-api-types,
// re-exported by discord.js; they are imported as types only so the fake never loads discord.js.
import type {
  APIApplicationCommand,
  APIApplicationCommandInteraction,
  APIApplicationCommandAutocompleteInteraction,
  APIApplicationCommandOptionChoice,
  APIMessage,
  APIMessageComponentInteraction,
  APIModalInteractionResponseCallbackData,
} from 'discord.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface FakeMemberOptions {
  id: string;
  username: string;
  /** Members with this get ADMINISTRATOR|MANAGE_GUILD through a staff role. */
  manageGuild: boolean;
}

export interface FakeChannelOptions {
  id: string;
  name: string;
}

export interface FakeGuildOptions {
  id: string;
  name: string;
  channels: FakeChannelOptions[];
  members: FakeMemberOptions[];
}

export interface FakeDiscordOptions {
  guilds: FakeGuildOptions[];
  applicationId: string;
  botUserId: string;
  token: string;
  /** Default 'StudyBot'. */
  botUsername?: string;
  /** Gateway heartbeat interval sent in HELLO. Default 41250 ms, as Discord. */
  heartbeatIntervalMs?: number;
}

export type RuleName =
  | 'ack-within-3s'
  | 'single-ack'
  | 'ack-before-webhook'
  | 'followup-within-15min'
  | 'allowed-mentions'
  | 'content-length'
  | 'embed-limits'
  | 'component-limits'
  | 'modal-limits'
  | 'autocomplete-limits'
  | 'empty-message'
  | 'callback-type'
  | 'command-definition'
  | 'invalid-body'
  | 'unknown-route'
  | 'unknown-interaction'
  | 'auth'
  | 'gateway'
  | 'fake-error';

export interface Violation {
  rule: RuleName;
  detail: string;
  /** "METHOD /path" of the request that broke the rule, when one did. */
  route?: string;
  /** The interaction the violation belongs to, when there is one. */
  interactionId?: string;
  at: number;
}

export type ChannelState = 'ok' | 'deleted' | 'missing-access';

export type FakeInteractionPayload =
  APIApplicationCommandInteraction | APIApplicationCommandAutocompleteInteraction | APIMessageComponentInteraction;

export type InteractionKind = 'command' | 'autocomplete' | 'component';

export interface CallbackRecord {
  /** Interaction callback type (4 reply, 5 defer, 6 defer update, 7 update, 8 choices, 9 modal). */
  type: number;
  /** The callback's `data` exactly as the bot sent it. */
  data: JsonObject | null;
  at: number;
  /** Time from dispatch to this callback. */
  elapsedMs: number;
  /** The message the callback created or updated (types 4, 5, 7). */
  message?: APIMessage;
  /** Autocomplete choices (type 8). */
  choices?: APIApplicationCommandOptionChoice[];
  /** Modal (type 9). */
  modal?: APIModalInteractionResponseCallbackData;
}

export interface FinalOptions {
  /** Overall wait, default 5000 ms. */
  timeoutMs?: number;
  /** How long nothing must change before the message counts as settled, default 150 ms. */
  quietMs?: number;
}

export interface Interaction {
  readonly id: string;
  readonly token: string;
  readonly kind: InteractionKind;
  /** The INTERACTION_CREATE payload that was dispatched. */
  readonly payload: FakeInteractionPayload;
  /** The first (initial) callback; rejects after timeoutMs (default 3500). */
  response(timeoutMs?: number): Promise<CallbackRecord>;
  /** Every accepted callback (normally one). */
  callbacks(): CallbackRecord[];
  /** The message the user ends up looking at once deferral, edits and follow-ups settle. */
  final(options?: FinalOptions): Promise<APIMessage>;
  /** The @original message as it is now, if there is one. */
  original(): APIMessage | undefined;
  /** Follow-up messages, current versions, in order. */
  followUps(): APIMessage[];
}

export interface AckRecord {
  interactionId: string;
  kind: InteractionKind;
  /** Command name (with subcommand path) or component custom_id. */
  name: string;
  userId: string;
  createdAt: number;
  ackAt: number | null;
  ackMs: number | null;
  callbackType: number | null;
}

export interface RequestRecord {
  method: string;
  path: string;
  status: number;
  at: number;
  body: unknown;
}

export interface GatewayInfo {
  connected: boolean;
  identifies: number;
  resumes: number;
  intents: number | null;
}

export interface SlashOptions {
  [name: string]: string | number | boolean;
}

export interface FakeDiscord {
  readonly apiBase: string;
  /** The next matching requests fail (5xx, 429 with retry_after, or a lost response). */
  injectFault(spec: FaultSpec): FaultHandle;
  /** Discord forgets every enforce_nonce it remembers (its window is a few minutes). */
  expireNonces(): void;
  /** A member leaves the guild; Discord still knows the user. */
  removeMember(guildId: string, userId: string): void;
  /** The bot is kicked from a guild: GUILD_DELETE without `unavailable`. */
  removeBotFromGuild(guildId: string): void;
  readonly port: number;
  close(): Promise<void>;
  /** Resolves once the bot identified (or resumed) and got its GUILD_CREATEs; `fresh` waits for a new one. */
  waitForReady(options?: { timeoutMs?: number; fresh?: boolean }): Promise<void>;
  registeredCommands(guildId?: string): APIApplicationCommand[];
  /** Resolves when the named commands (default: any) are registered globally or for the guild. */
  waitForCommands(options?: { guildId?: string; names?: string[]; timeoutMs?: number }): Promise<APIApplicationCommand[]>;
  slash(
    memberId: string,
    guildId: string,
    channelId: string,
    name: string,
    options?: SlashOptions,
    subcommand?: string,
  ): Promise<Interaction>;
  /** Like slash, but option values skip Discord's client-side checks (choices, lengths, ranges): a tampered client. */
  slashTampered(
    memberId: string,
    guildId: string,
    channelId: string,
    name: string,
    options?: SlashOptions,
    subcommand?: string,
  ): Promise<Interaction>;
  /**
   * A slash command in the bot's DM with a user (by id or username; any user the fake knows). As
   * on Discord the command must be global and allow the BotDM context (contexts include 1, or are
   * unset); a guild-only command throws. The payload has `user`, no guild_id or member, `context: 1`.
   */
  slashInDm(userId: string, name: string, options?: SlashOptions, subcommand?: string): Promise<Interaction>;
  autocomplete(
    memberId: string,
    guildId: string,
    channelId: string,
    name: string,
    focusedOption: string,
    value: string,
    otherOptions?: SlashOptions,
    subcommand?: string,
  ): Promise<Interaction>;
  /** A button press. On a message in the bot's DM with a user, memberId is that user (nobody else sees it). */
  click(memberId: string, message: APIMessage | string, customId: string): Promise<Interaction>;
  select(memberId: string, message: APIMessage | string, customId: string, values: string[]): Promise<Interaction>;
  /** A button press with any custom_id on a message the member sees: what a tampered client or an old message sends. */
  forge(memberId: string, message: APIMessage | string, customId: string): Promise<Interaction>;
  channelMessages(channelId: string): APIMessage[];
  messageById(id: string): APIMessage | undefined;
  waitForChannelMessage(channelId: string, predicate?: (m: APIMessage) => boolean, timeoutMs?: number): Promise<APIMessage>;
  attachmentData(attachmentId: string): Buffer | undefined;
  acknowledged(): AckRecord[];
  /** Called synchronously when an interaction gets its first response (a test can crash the bot at an exact point). */
  onAcknowledged(listener: (kind: InteractionKind, userId: string) => void): void;
  /** Waits until every interaction is answered or past its 3 s window, so violations() is complete. */
  settle(timeoutMs?: number): Promise<void>;
  violations(): Violation[];
  assertNoViolations(): void;
  clearViolations(): void;
  requests(): RequestRecord[];
  setChannelState(channelId: string, state: ChannelState, options?: { notify?: boolean }): void;
  /** Drops the bot's gateway socket; with resumable false the session is invalidated first. */
  dropGateway(options?: { resumable?: boolean; code?: number }): void;
  gatewayInfo(): GatewayInfo;
  /** Moves the fake's clock forward (token expiry), without touching real timers. */
  advanceTime(ms: number): void;
}
