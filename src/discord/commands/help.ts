import { EmbedBuilder, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { examFor, guildExam } from '../../study/index.js';
import { COLORS } from '../colors.js';
import type { SlashCommand } from '../command.js';
import { respond } from '../respond.js';
import { examNotice } from '../views/exam-status.js';

export const help = {
  readOnly: true,
  data: () =>
    new SlashCommandBuilder()
      .setName('help')
      .setDescription('How to study with the tutor, and which exam you study for')
      .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
      .toJSON(),
  async execute(interaction, ctx) {
    const mine = examFor(ctx.engine, interaction.user.id, interaction.guildId);
    const server = interaction.guildId ? guildExam(ctx.engine, interaction.guildId) : null;
    const successor = mine.successor ? ctx.engine.content.exams.get(mine.successor)?.name : undefined;
    const notice = examNotice(mine, successor);
    const studying = [
      `You study for **${mine.name}** (${mine.short})${server && server.code !== mine.code ? `; this server studies ${server.short}` : ''}. Change it with \`/settings\`.`,
      ...(notice ? [`*${notice}*`] : []),
    ];
    const embed = new EmbedBuilder()
      .setColor(COLORS.info)
      .setTitle('Study tutor')
      .setDescription(
        [
          ...studying,
          '',
          '**/lookup** `query` · find the note that answers a question (acronyms work: KDS, RCF, SG)',
          '**/quiz** · a private quiz picked for you: due reviews first, then your weak spots',
          `**/exam** · a timed mock exam (${mine.exam.questions} questions, ${mine.exam.minutes} min, pass mark ${mine.exam.score.pass})`,
          '**/stats** · **/weak** · your streak, mastery per domain and task, and what to reread',
          '**/leaderboard** · this week, this month or all time, members or study groups',
          '**/group** · create or join a study group',
          '**/settings** · your exam and time zone (Manage Server: the server’s exam)',
          '**/daily** · (Manage Server) a daily question in a channel at a local time',
          '',
          'Answer at least one question a day to keep your streak.',
        ].join('\n'),
      );
    await respond(interaction, { embeds: [embed] });
  },
} satisfies SlashCommand;
