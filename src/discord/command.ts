import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  StringSelectMenuInteraction,
} from 'discord.js';
import type { Content } from '../content.js';
import type { BotContext } from './context.js';
import type { CustomIdFields, CustomIdKind } from './custom-id.js';

/** One slash command: its registration body and its handlers. One file per command exports one. */
export interface SlashCommand {
  /** Built from the content, so choices (domains) follow the blueprint. */
  data(content: Content): RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** Counted against the per-person rate limit (lookups and quiz starts). */
  rateLimited?: boolean;
  /** Only reads the store: still answers while the database cannot be written. */
  readOnly?: boolean;
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
}

export type ComponentInteraction = ButtonInteraction | StringSelectMenuInteraction;

/** Handlers for the custom_id kinds a command owns, each given the validated fields. */
export type ComponentHandlers = {
  [K in CustomIdKind]?: (interaction: ComponentInteraction, fields: CustomIdFields<K>, ctx: BotContext) => Promise<void>;
};
