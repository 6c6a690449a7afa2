import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  StringSelectMenuInteraction,
} from 'discord.js';
import type { Content } from '../study/index.js';
import type { BotContext } from './context.js';
import type { CustomIdFields, CustomIdKind } from './custom-id.js';

/** One slash command: its registration body and its handlers. Each file in commands/ defines one. */
export interface SlashCommand {
  /** Built from the content, so choices (exams, domains) follow the exam files. */
  data(content: Content): RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** Counted against the per-person rate limit (lookups and quiz starts). */
  rateLimited?: boolean;
  /** Only reads the store: still answers while the database cannot be written. */
  readOnly?: boolean;
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
}

export type ComponentInteraction = ButtonInteraction | StringSelectMenuInteraction;

export type ComponentHandler<K extends CustomIdKind> = (
  interaction: ComponentInteraction,
  fields: CustomIdFields<K>,
  ctx: BotContext,
) => Promise<void>;

/** Handlers for the custom_id kinds a command owns, each given the validated fields. */
export type ComponentHandlers<K extends CustomIdKind> = { [P in K]: ComponentHandler<P> };
