import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { truncate } from '../../format.js';
import { QUERY_MAX_CHARS, type LookupHit } from '../../knowledge/search-index.js';
import type { ComponentHandlers, SlashCommand } from '../command.js';
import { lookupMenu } from '../components.js';
import { sectionEmbed } from '../embeds.js';
import { LIMITS } from '../limits.js';
import { replyPrivately } from '../reply.js';
import { NO_MENTIONS, userText } from '../safe-text.js';

export const lookup: SlashCommand = {
  readOnly: true,
  rateLimited: true,
  data: () =>
    new SlashCommandBuilder()
      .setName('lookup')
      .setDescription('Find the note section that answers your question')
      .addStringOption((o) =>
        o.setName('query').setDescription('What you want to know: "pipe mode", "KDS shards for 8 MB/s"').setRequired(true).setMaxLength(QUERY_MAX_CHARS).setAutocomplete(true),
      )
      .addBooleanOption((o) => o.setName('share').setDescription('Post the answer in the channel (default: only you see it)'))
      .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
      .toJSON(),

  async execute(interaction, ctx) {
    const raw = interaction.options.getString('query', true);
    const query = raw.trim();
    const share = interaction.options.getBoolean('share') ?? false;
    if (query === '') return replyPrivately(interaction, 'Type what you want to look up, for example `/lookup query: pipe mode`.');
    const { search } = ctx.engine.content;
    // Picking an autocomplete suggestion sends the section id itself.
    const picked = search.section(query);
    const hits: LookupHit[] = picked
      ? [{ ...picked, score: 1, snippet: '' }, ...search.lookup(picked.title, 10).filter((h) => h.id !== picked.id)]
      : search.lookup(query, 10);
    const best = hits[0] && search.section(hits[0].id);
    if (!best) {
      return replyPrivately(interaction, `No note section matches “${userText(query, 100)}”. Try fewer or other words, or an acronym such as KDS, RCF or SG.`);
    }
    const cut = raw.length > QUERY_MAX_CHARS ? ` (only the first ${QUERY_MAX_CHARS} characters were searched)` : '';
    const payload = {
      content: truncate(`🔎 ${picked ? picked.title : `“${userText(query, 150)}”`}${cut}`, LIMITS.content),
      embeds: [sectionEmbed(ctx.engine.content, best)],
      components: lookupMenu(hits, share),
    };
    if (share) await interaction.reply({ ...payload, allowedMentions: NO_MENTIONS });
    else await replyPrivately(interaction, payload);
  },

  async autocomplete(interaction, ctx) {
    const sections = ctx.engine.content.search.autocomplete(interaction.options.getFocused());
    await interaction.respond(sections.slice(0, LIMITS.autocompleteChoices).map((s) => ({ name: truncate(s.title, LIMITS.choiceName), value: s.id })));
  },
};

export const lookupComponents: ComponentHandlers = {
  async ls(interaction, [share], ctx) {
    const id = interaction.isStringSelectMenu() ? interaction.values[0] : undefined;
    const section = id ? ctx.engine.content.search.section(id) : undefined;
    if (!section) return replyPrivately(interaction, 'That section is no longer in the notes. Run /lookup again.');
    const embeds = [sectionEmbed(ctx.engine.content, section)];
    // A shared answer belongs to the channel: one member's pick is shown to them alone.
    if (share === '1') return replyPrivately(interaction, { embeds });
    await interaction.update({ embeds, allowedMentions: NO_MENTIONS });
  },
  async rn(interaction, [sectionId], ctx) {
    const section = ctx.engine.content.search.section(sectionId);
    if (!section) return replyPrivately(interaction, 'That section is no longer in the notes.');
    await replyPrivately(interaction, { embeds: [sectionEmbed(ctx.engine.content, section)] });
  },
};
