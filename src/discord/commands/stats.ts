import { EmbedBuilder, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { bar, percent, truncate } from '../../format.js';
import { isTimeZone } from '../../config.js';
import { setPersonTimeZone } from '../../db/people.js';
import { personStats } from '../../progress/stats.js';
import { timeZoneChoices } from '../time-zones.js';
import type { SlashCommand } from '../command.js';
import { weakButtons } from '../components.js';
import { guildTimeZone } from '../context.js';
import { COLORS, statsEmbed } from '../embeds.js';
import { replyPrivately } from '../reply.js';
import { userText } from '../safe-text.js';

export const stats: SlashCommand = {
  data: () =>
    new SlashCommandBuilder()
      .setName('stats')
      .setDescription('Streak, accuracy and mastery per domain')
      .addUserOption((o) => o.setName('member').setDescription('Someone else in this server (default: you)'))
      .addStringOption((o) => o.setName('timezone').setDescription('Set your own time zone for streaks, e.g. Europe/Berlin').setAutocomplete(true).setMaxLength(64))
      .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
      .toJSON(),
  async execute(interaction, ctx) {
    const member = interaction.options.getUser('member') ?? interaction.user;
    const self = member.id === interaction.user.id;
    // Stats are shared only inside a server, and only for its members.
    if (!self && !interaction.inGuild()) return replyPrivately(interaction, 'In a direct message you can see only your own stats. Ask in your study server for someone else’s.');
    if (!self && interaction.options.getMember('member') === null) return replyPrivately(interaction, 'That person is not a member of this server.');
    const zone = interaction.options.getString('timezone')?.trim();
    let note: string | undefined;
    if (zone) {
      if (!self) return replyPrivately(interaction, 'You can set only your own time zone.');
      if (!isTimeZone(zone)) return replyPrivately(interaction, `“${userText(zone, 64)}” is not a time zone; pick one from the list (e.g. Europe/Berlin).`);
      setPersonTimeZone(ctx.engine.store, member.id, zone, ctx.engine.clock.now());
      note = `Your streak now counts days in ${zone}.`;
    }
    const figures = personStats(ctx.engine, member.id, guildTimeZone(ctx, interaction.guildId));
    if (figures.attempts === 0) {
      const empty = self ? 'No answers yet. Start with `/quiz`: your streak and mastery show up here.' : `${userText(member.username, 50)} has not answered any question yet.`;
      return replyPrivately(interaction, note ? `${note} ${empty}` : empty);
    }
    await replyPrivately(interaction, {
      content: note,
      embeds: [statsEmbed(figures, self ? 'you' : member.username)],
      components: self ? weakButtons(figures.weak.slice(0, 3).map((w) => ({ id: w.section, title: truncate(w.title, 60) }))) : [],
    });
  },

  async autocomplete(interaction) {
    await interaction.respond(timeZoneChoices(interaction.options.getFocused()));
  },
};

export const weak: SlashCommand = {
  readOnly: true,
  data: () =>
    new SlashCommandBuilder()
      .setName('weak')
      .setDescription('Your weakest domains and the sections to reread, with a quiz on each')
      .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
      .toJSON(),
  async execute(interaction, ctx) {
    const figures = personStats(ctx.engine, interaction.user.id, guildTimeZone(ctx, interaction.guildId), 5);
    if (figures.attempts === 0) return replyPrivately(interaction, 'No answers yet. Take a `/quiz` first and this will show where to focus.');
    const domains = [...figures.domains]
      .sort((a, b) => a.mastery - b.mastery)
      .map((d) => `\`${bar(d.mastery)}\` ${percent(d.mastery).padStart(4)} · ${d.name} (${d.attempts} answers)`)
      .join('\n');
    const sections = figures.weak.map((w) => `• **${w.title}** · ${w.correct}/${w.attempts} right`).join('\n');
    const embed = new EmbedBuilder()
      .setColor(COLORS.warn)
      .setTitle('Where to focus')
      .addFields(
        { name: 'Weakest domains first', value: truncate(domains, 1024) },
        { name: 'Sections to reread', value: truncate(sections || 'No wrong answers yet. Keep going.', 1024) },
      );
    await replyPrivately(interaction, { embeds: [embed], components: weakButtons(figures.weak.map((w) => ({ id: w.section, title: truncate(w.title, 60) }))) });
  },
};
