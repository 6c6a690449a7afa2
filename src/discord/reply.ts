import { MessageFlags, type InteractionReplyOptions, type RepliableInteraction } from 'discord.js';
import { NO_MENTIONS } from './safe-text.js';

type PrivatePayload = Pick<InteractionReplyOptions, 'content' | 'embeds' | 'components'>;

/** A private reply (or follow-up, if the interaction was already answered) that pings nobody. */
export async function replyPrivately(interaction: RepliableInteraction, payload: string | PrivatePayload): Promise<void> {
  const body: PrivatePayload = typeof payload === 'string' ? { content: payload } : payload;
  if (interaction.deferred && !interaction.replied) await interaction.editReply({ ...body, allowedMentions: NO_MENTIONS });
  else if (interaction.replied) await interaction.followUp({ ...body, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  else await interaction.reply({ ...body, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
}
