import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { Content } from '../../content.js';
import { chooseExamAnswer, examResult, showExam, startExam, submitExam, type ExamView } from '../../quiz/exam-session.js';
import type { ExamResult } from '../../quiz/exam-score.js';
import type { ComponentHandlers, ComponentInteraction, SlashCommand } from '../command.js';
import { examButtons, reviewButtons } from '../components.js';
import { examEmbed, examResultEmbed, reviewEmbed } from '../embeds.js';
import { replyPrivately } from '../reply.js';
import { NO_MENTIONS } from '../safe-text.js';

const EXAM_MAX_LENGTH = 100;

function viewPayload(content: Content, view: ExamView) {
  return {
    embeds: [examEmbed(content, view)],
    components: examButtons(view.session.id, view.position, view.total, view.question, view.chosen),
    allowedMentions: NO_MENTIONS,
  };
}

function resultPayload(sessionId: string, result: ExamResult) {
  // content '' clears the "Good luck" line of the exam's first message.
  return { content: '', embeds: [examResultEmbed(result)], components: reviewButtons(sessionId, -1, result.wrong.length), allowedMentions: NO_MENTIONS };
}

/** Moves on from an exam step: the next view, or the result when time ran out or it was refused. */
async function show(interaction: ComponentInteraction, content: Content, sessionId: string, outcome: ReturnType<typeof showExam>) {
  if (outcome.ok) return interaction.update(viewPayload(content, outcome.view));
  if ('result' in outcome) return interaction.update({ ...resultPayload(sessionId, outcome.result), content: outcome.message });
  return replyPrivately(interaction, outcome.message);
}

export const exam: SlashCommand = {
  rateLimited: true,
  data: (content) =>
    new SlashCommandBuilder()
      .setName('exam')
      .setDescription(`A timed mock exam, scored ${content.blueprint.exam.score.min}-${content.blueprint.exam.score.max} (resumes an unfinished one)`)
      .addIntegerOption((o) =>
        o.setName('length').setDescription(`Questions (default ${content.blueprint.exam.questions}; time is scaled to the length)`).setMinValue(1).setMaxValue(EXAM_MAX_LENGTH),
      )
      .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
      .toJSON(),

  async execute(interaction, ctx) {
    const length = interaction.options.getInteger('length');
    if (length !== null && (length < 1 || length > EXAM_MAX_LENGTH)) return replyPrivately(interaction, `Length must be 1 to ${EXAM_MAX_LENGTH}.`);
    const started = startExam(ctx.engine, { personId: interaction.user.id, guildId: interaction.guildId, length: length ?? undefined });
    if (!started.ok) return replyPrivately(interaction, started.message);
    const { content } = ctx.engine;
    const payload = viewPayload(content, started.view);
    if (started.previous) payload.embeds.unshift(examResultEmbed(started.previous).setTitle(`Previous exam (time ran out): ${started.previous.scaled}`));
    await replyPrivately(interaction, {
      ...payload,
      content: started.resumed ? 'Resuming your exam: the clock kept running.' : 'Good luck. Answers can be changed until you submit; nothing is marked before.',
    });
  },
};

export const examComponents: ComponentHandlers = {
  async ea(interaction, [sessionId, position, letter], ctx) {
    const chosen = chooseExamAnswer(ctx.engine, { sessionId, personId: interaction.user.id, position, letter });
    await show(interaction, ctx.engine.content, sessionId, chosen);
  },
  async en(interaction, [sessionId, position], ctx) {
    await show(interaction, ctx.engine.content, sessionId, showExam(ctx.engine, sessionId, interaction.user.id, position));
  },
  async es(interaction, [sessionId], ctx) {
    const submitted = submitExam(ctx.engine, sessionId, interaction.user.id);
    if (!submitted.ok) return replyPrivately(interaction, submitted.message);
    await interaction.update(resultPayload(sessionId, submitted.result));
  },
  async er(interaction, [sessionId, index], ctx) {
    const found = examResult(ctx.engine, sessionId, interaction.user.id);
    if (!found.ok) return replyPrivately(interaction, found.message);
    const { result } = found;
    if (index >= result.wrong.length) return replyPrivately(interaction, 'Nothing more to review.');
    await interaction.update({ content: '', embeds: [reviewEmbed(ctx.engine.content, result, index)], components: reviewButtons(sessionId, index, result.wrong.length), allowedMentions: NO_MENTIONS });
  },
};
