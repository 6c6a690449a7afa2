import {
  MessageFlags,
  type BaseMessageOptions,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type RepliableInteraction,
  type StringSelectMenuInteraction,
} from 'discord.js';
import { truncate } from '../format.js';
import { LIMITS } from './limits.js';
import { NO_MENTIONS } from './safe-text.js';

/** What a handler sends: text, embeds and components. The mention policy and limits are added here. */
export type View = Pick<BaseMessageOptions, 'content' | 'embeds' | 'components' | 'files'>;
export type Reply = string | View;

function body(reply: Reply): Pick<BaseMessageOptions, 'content' | 'embeds' | 'components' | 'files' | 'allowedMentions'> {
  const payload = typeof reply === 'string' ? { content: reply } : reply;
  return {
    ...payload,
    ...(payload.content !== undefined ? { content: truncate(payload.content, LIMITS.content) } : {}),
    // Nobody is pinged through the bot: not @everyone, not a member named in a leaderboard.
    allowedMentions: NO_MENTIONS,
  };
}

/**
 * The one way handlers answer an interaction. `private` (the default) answers only the person; a reply
 * after a deferral or a first reply goes where Discord expects it (edit, follow-up).
 */
export async function respond(interaction: RepliableInteraction, reply: Reply, options: { public?: boolean } = {}): Promise<void> {
  const payload = body(reply);
  const flags = options.public ? undefined : MessageFlags.Ephemeral;
  if (interaction.deferred && !interaction.replied) await interaction.editReply(payload);
  else if (interaction.replied) await interaction.followUp({ ...payload, ...(flags ? { flags } : {}) });
  else await interaction.reply({ ...payload, ...(flags ? { flags } : {}) });
}

/** Replaces the message a button or menu sits on (a quiz moving to its next question). */
export async function update(interaction: ButtonInteraction | StringSelectMenuInteraction, reply: Reply): Promise<void> {
  await interaction.update(body(reply));
}

/** Defers a slow command privately; `respond` then fills the placeholder. */
export async function deferPrivately(interaction: ChatInputCommandInteraction): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
}

/** The mention policy and limits for a message the bot sends on its own (the daily post). */
export const channelMessage = body;
