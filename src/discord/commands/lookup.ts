import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { truncate } from '../../format.js';
import {
  autocompleteSections,
  lookup as search,
  lookupSection,
  QUERY_MAX_CHARS,
  section,
  sectionByRef,
  type Lookup,
} from '../../study/index.js';
import type { ComponentHandlers, SlashCommand } from '../command.js';
import type { BotContext } from '../context.js';
import { lookupMenu } from '../components.js';
import { LIMITS } from '../limits.js';
import { respond, update, type View } from '../respond.js';
import { userText } from '../safe-text.js';
import { sectionEmbed } from '../views/lookup.js';

function lookupView(ctx: BotContext, found: Lookup, share: boolean, picked: boolean, cut: string): View {
  const { content } = ctx.engine;
  const asked = picked ? found.query : `“${userText(found.query, 150)}”`;
  if (found.confidence === 'none') {
    const titles = found.hits.slice(0, 5);
    const suggestions =
      titles.length > 0 ? ` Closest titles in the notes: ${titles.map((h) => `**${h.title}**`).join(', ')} (pick one below).` : '';
    return {
      content: truncate(`No good match for ${asked}.${suggestions} Try other words, or an acronym such as KDS, RCF or SG.`, LIMITS.content),
      components: lookupMenu(titles, share, 'Closest titles in the notes'),
    };
  }
  const best = section(ctx.engine, found.hits[0]!.id)!;
  const heading = found.confidence === 'weak' ? `🔎 Closest match for ${asked}` : `🔎 ${asked}`;
  return {
    content: truncate(`${heading}${cut}`, LIMITS.content),
    embeds: [sectionEmbed(content, best)],
    components: lookupMenu(found.others, share),
  };
}

export const lookup = {
  readOnly: true,
  rateLimited: true,
  data: () =>
    new SlashCommandBuilder()
      .setName('lookup')
      .setDescription('Find the note section that answers your question')
      .addStringOption((o) =>
        o
          .setName('query')
          .setDescription('What you want to know: "pipe mode", "KDS shards for 8 MB/s"')
          .setRequired(true)
          .setMaxLength(QUERY_MAX_CHARS)
          .setAutocomplete(true),
      )
      .addBooleanOption((o) => o.setName('share').setDescription('Post the answer in the channel (default: only you see it)'))
      .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
      .toJSON(),

  async execute(interaction, ctx) {
    const raw = interaction.options.getString('query', true);
    const query = raw.trim();
    const share = interaction.options.getBoolean('share') ?? false;
    if (query === '') return respond(interaction, 'Type what you want to look up, for example `/lookup query: pipe mode`.');
    // Picking an autocomplete suggestion sends the section id itself.
    const picked = lookupSection(ctx.engine, query, 6);
    // The best hit and up to five others for the menu: every hit shown costs a snippet.
    const found = picked ?? search(ctx.engine, query, 6);
    const cut = raw.length > QUERY_MAX_CHARS ? ` (only the first ${QUERY_MAX_CHARS} characters were searched)` : '';
    const view = lookupView(ctx, found, share, picked !== null, cut);
    await respond(interaction, view, { public: share && found.confidence !== 'none' });
  },

  async autocomplete(interaction, ctx) {
    const sections = autocompleteSections(ctx.engine, {
      typed: interaction.options.getFocused(),
      personId: interaction.user.id,
      guildId: interaction.guildId,
    });
    // The value is the section id (an autocomplete value holds 100 characters; longer ids fall back to the title).
    await interaction.respond(
      sections
        .slice(0, LIMITS.autocompleteChoices)
        .map((s) => ({ name: truncate(s.title, LIMITS.choiceName), value: s.id.length <= 100 ? s.id : truncate(s.title, 100) })),
    );
  },
} satisfies SlashCommand;

export const lookupComponents = {
  async ls(interaction, [share], ctx) {
    const ref = interaction.isStringSelectMenu() ? interaction.values[0] : undefined;
    const picked = ref ? sectionByRef(ctx.engine, ref) : undefined;
    if (!picked) return respond(interaction, 'That section is no longer in the notes. Run `/lookup` again.');
    const embeds = [sectionEmbed(ctx.engine.content, picked)];
    // A shared answer belongs to the channel: one member's pick is shown to them alone.
    if (share === '1') return respond(interaction, { embeds });
    // The question asked stays on top; only the section shown changes.
    await update(interaction, { embeds });
  },
  async rn(interaction, [ref], ctx) {
    const picked = sectionByRef(ctx.engine, ref);
    if (!picked) return respond(interaction, 'That section is no longer in the notes.');
    await respond(interaction, { embeds: [sectionEmbed(ctx.engine.content, picked)] });
  },
} satisfies ComponentHandlers<'ls' | 'rn'>;
