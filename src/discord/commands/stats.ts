import { AttachmentBuilder, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { renderCardAsync } from '../../study/card/index.js';
import { choosePersonTimeZone, personStats } from '../../study/index.js';
import { statsCardData } from '../../study/stats-card.js';
import type { SlashCommand } from '../command.js';
import { weakSectionButtons, weakTaskButtons } from '../components.js';
import { respond } from '../respond.js';
import { userText } from '../safe-text.js';
import { timeZoneChoices } from '../time-zones.js';
import { statsEmbed, weakEmbed } from '../views/stats.js';
import { refusalText } from '../words.js';

export const stats = {
  data: () =>
    new SlashCommandBuilder()
      .setName('stats')
      .setDescription('Your streak, accuracy and mastery per domain of your exam')
      .addUserOption((o) => o.setName('member').setDescription('Someone else in this server (default: you)'))
      .addStringOption((o) =>
        o
          .setName('timezone')
          .setDescription('Set your own time zone for streaks, e.g. Europe/Berlin')
          .setAutocomplete(true)
          .setMaxLength(64),
      )
      .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
      .toJSON(),
  async execute(interaction, ctx) {
    const member = interaction.options.getUser('member') ?? interaction.user;
    const self = member.id === interaction.user.id;
    // Stats are shared only inside a server, and only for its members.
    if (!self && !interaction.inGuild())
      return respond(interaction, 'In a direct message you can see only your own stats. Ask in your study server for someone else’s.');
    if (!self && interaction.options.getMember('member') === null)
      return respond(interaction, 'That person is not a member of this server.');
    const zone = interaction.options.getString('timezone')?.trim();
    let note = '';
    if (zone) {
      if (!self) return respond(interaction, 'You can set only your own time zone.');
      const chosen = choosePersonTimeZone(ctx.engine, member.id, zone);
      if (!chosen.ok) return respond(interaction, refusalText(chosen));
      note = `Your streak now counts days in ${chosen.zone}. `;
    }
    const figures = personStats(ctx.engine, { personId: member.id, guildId: interaction.guildId });
    if (figures.attempts === 0) {
      const empty = self
        ? `No answers yet. Start with \`/quiz\`: your streak and mastery show up here. You study for **${figures.exam.name}** (change it with \`/settings\`).`
        : `${userText(member.username, 50)} has not answered any question yet.`;
      return respond(interaction, note + empty);
    }
    // The card says with a picture what the embed says in words (for screen readers and images off).
    const card = await renderCardAsync(
      statsCardData(ctx.engine, figures, { personId: member.id, guildId: interaction.guildId, name: member.displayName }),
    );
    await respond(interaction, {
      content: note,
      embeds: [statsEmbed(figures, self ? null : member.username).setImage('attachment://stats-card.png')],
      files: [new AttachmentBuilder(card, { name: 'stats-card.png', description: `Stats card of ${member.username}` })],
      components: self ? weakTaskButtons(figures.weakTasks.slice(0, 3)) : [],
    });
  },

  async autocomplete(interaction) {
    await interaction.respond(timeZoneChoices(interaction.options.getFocused()));
  },
} satisfies SlashCommand;

export const weak = {
  readOnly: true,
  data: () =>
    new SlashCommandBuilder()
      .setName('weak')
      .setDescription('Your weakest tasks of your exam and what to reread, with a quiz on each')
      .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
      .toJSON(),
  async execute(interaction, ctx) {
    const figures = personStats(ctx.engine, { personId: interaction.user.id, guildId: interaction.guildId });
    if (figures.attempts === 0) return respond(interaction, 'No answers yet. Take a `/quiz` first and this will show where to focus.');
    await respond(interaction, {
      embeds: [weakEmbed(figures)],
      components: [
        ...weakTaskButtons(figures.weakTasks.slice(0, 3)),
        ...weakSectionButtons(figures.weak.slice(0, 3).map((w) => ({ id: w.section, title: w.title }))),
      ],
    });
  },
} satisfies SlashCommand;
