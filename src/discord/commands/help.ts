import { EmbedBuilder, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { SlashCommand } from '../command.js';
import { COLORS } from '../embeds.js';
import { replyPrivately } from '../reply.js';

export const help: SlashCommand = {
  readOnly: true,
  data: () =>
    new SlashCommandBuilder()
      .setName('help')
      .setDescription('How to study with the tutor')
      .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
      .toJSON(),
  async execute(interaction, ctx) {
    const { blueprint } = ctx.engine.content;
    const embed = new EmbedBuilder()
      .setColor(COLORS.info)
      .setTitle(`Study tutor · ${blueprint.name}`)
      .setDescription(
        [
          '**/lookup** `query` · find the note that answers a question (try acronyms: KDS, RCF, SG)',
          '**/quiz** · a private quiz picked for you: due reviews first, then your weak domains',
          `**/exam** · a timed mock exam (${blueprint.exam.questions} questions, ${blueprint.exam.minutes} min, pass ${blueprint.exam.score.pass})`,
          '**/stats** · **/weak** · your streak, mastery per domain and what to reread',
          '**/leaderboard** · this week, this month or all time, members or study groups',
          '**/group** · create or join a study group',
          '**/daily** · (Manage Server) a daily question in a channel at a local time',
          '',
          'Answer at least one question a day to keep your streak. Everything also works in a terminal: `npm run tutor -- help`.',
        ].join('\n'),
      );
    await replyPrivately(interaction, { embeds: [embed] });
  },
};
