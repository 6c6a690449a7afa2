import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import {
  chooseExamAnswer,
  EXAM_MAX_LENGTH,
  examFor,
  examProgress,
  examResult,
  showExam,
  startExam,
  submitExam,
} from '../../study/index.js';
import type { ComponentHandlers, ComponentInteraction, SlashCommand } from '../command.js';
import type { BotContext } from '../context.js';
import { respond, update } from '../respond.js';
import { examStatusLine } from '../views/exam-status.js';
import { confirmView, examView, resultEmbed, resultView, reviewView } from '../views/exam.js';
import { refusalText } from '../words.js';

type Outcome = ReturnType<typeof showExam>;

/** Moves on from an exam step: the next view, the result when time ran out, or why not. */
async function show(interaction: ComponentInteraction, ctx: BotContext, sessionId: string, outcome: Outcome): Promise<void> {
  if (outcome.ok) return update(interaction, examView(outcome.view));
  if (outcome.reason === 'submitted') {
    const found = examResult(ctx.engine, { sessionId, personId: interaction.user.id });
    return update(interaction, {
      ...resultView(sessionId, outcome.result, found.ok ? found.exam : undefined),
      content: refusalText(outcome),
    });
  }
  return respond(interaction, refusalText(outcome));
}

export const exam = {
  rateLimited: true,
  data: () =>
    new SlashCommandBuilder()
      .setName('exam')
      .setDescription('A timed mock exam of your exam, scored like the real one (resumes an unfinished one)')
      .addIntegerOption((o) =>
        o
          .setName('length')
          .setDescription('Questions (default: the real exam’s; time is scaled to the length)')
          .setMinValue(1)
          .setMaxValue(EXAM_MAX_LENGTH),
      )
      .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
      .toJSON(),

  async execute(interaction, ctx) {
    const length = interaction.options.getInteger('length');
    if (length !== null && (length < 1 || length > EXAM_MAX_LENGTH)) return respond(interaction, `Length must be 1 to ${EXAM_MAX_LENGTH}.`);
    const started = startExam(ctx.engine, { personId: interaction.user.id, guildId: interaction.guildId, length: length ?? undefined });
    if (!started.ok) return respond(interaction, refusalText(started));
    const view = examView(
      started.view,
      started.resumed
        ? 'Resuming your exam: the clock kept running.'
        : examStatusLine(started.view.exam, 'Answers can be changed until you submit; nothing is marked before.'),
    );
    if (started.previous && typeof view !== 'string')
      view.embeds = [
        resultEmbed(started.previous, examFor(ctx.engine, interaction.user.id, interaction.guildId)).setTitle(
          `Previous exam (time ran out): ${started.previous.scaled}`,
        ),
        ...(view.embeds ?? []),
      ];
    await respond(interaction, view);
  },
} satisfies SlashCommand;

export const examComponents = {
  async ea(interaction, [sessionId, position, letter], ctx) {
    await show(interaction, ctx, sessionId, chooseExamAnswer(ctx.engine, { sessionId, personId: interaction.user.id, position, letter }));
  },
  async en(interaction, [sessionId, position], ctx) {
    await show(interaction, ctx, sessionId, showExam(ctx.engine, { sessionId, personId: interaction.user.id, position }));
  },
  async es(interaction, [sessionId, position], ctx) {
    const progress = examProgress(ctx.engine, { sessionId, personId: interaction.user.id });
    if (!progress.ok) return show(interaction, ctx, sessionId, progress);
    await update(interaction, confirmView(sessionId, position, progress));
  },
  async ey(interaction, [sessionId], ctx) {
    const submitted = submitExam(ctx.engine, { sessionId, personId: interaction.user.id });
    if (!submitted.ok) return respond(interaction, refusalText(submitted));
    const found = examResult(ctx.engine, { sessionId, personId: interaction.user.id });
    await update(interaction, resultView(sessionId, submitted.result, found.ok ? found.exam : undefined));
  },
  async er(interaction, [sessionId, index], ctx) {
    const found = examResult(ctx.engine, { sessionId, personId: interaction.user.id });
    if (!found.ok) return respond(interaction, refusalText(found));
    if (index < 0) return update(interaction, resultView(sessionId, found.result, found.exam));
    if (index >= found.result.wrong.length) return respond(interaction, 'Nothing more to review.');
    await update(interaction, reviewView(ctx.engine, sessionId, found.result, found.exam, index));
  },
} satisfies ComponentHandlers<'ea' | 'en' | 'es' | 'ey' | 'er'>;
