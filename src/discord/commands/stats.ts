import { EmbedBuilder, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { bar, percent, truncate } from '../../format.js';
import { personStats } from '../../progress/stats.js';
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
      .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
      .toJSON(),
  async execute(interaction, ctx) {
    const member = interaction.options.getUser('member') ?? interaction.user;
    const self = member.id === interaction.user.id;
    const figures = personStats(ctx.engine, member.id, guildTimeZone(ctx, interaction.guildId));
    if (figures.attempts === 0) {
      return replyPrivately(interaction, self ? 'No answers yet. Start with `/quiz`: your streak and mastery show up here.' : `${userText(member.username, 50)} has not answered any question yet.`);
    }
    await replyPrivately(interaction, {
      embeds: [statsEmbed(ctx.engine.content, figures, self ? 'you' : member.username)],
      components: self ? weakButtons(figures.weak.slice(0, 3).map((w) => ({ id: w.section, title: truncate(w.title, 60) }))) : [],
    });
  },
};

export const weak: SlashCommand = {
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
