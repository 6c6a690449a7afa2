import { InteractionContextType, SlashCommandBuilder, type ButtonInteraction, type StringSelectMenuInteraction } from 'discord.js';
import type { Content } from '../../content.js';
import type { Engine } from '../../engine.js';
import { answerQuiz, currentStep, loadQuiz, QUIZ_MAX_COUNT, startQuiz, type Feedback, type QuizRequest, type QuizStep } from '../../quiz/quiz-session.js';
import { guildTimeZone, type BotContext } from '../context.js';
import type { ComponentHandlers, SlashCommand } from '../command.js';
import { feedbackButtons, quizButtons } from '../components.js';
import { feedbackEmbed, questionEmbed, summaryEmbed } from '../embeds.js';
import { replyPrivately } from '../reply.js';
import { NO_MENTIONS } from '../safe-text.js';

function stepPayload(content: Content, step: QuizStep, selected = '') {
  return {
    embeds: [questionEmbed(content, `Question ${step.step + 1}/${step.total}`, step.question, selected)],
    components: quizButtons(step.session.id, step.step, step.question, selected),
    allowedMentions: NO_MENTIONS,
  };
}

function feedbackPayload(content: Content, sessionId: string, feedback: Feedback) {
  const embeds = [feedbackEmbed(content, feedback)];
  if (feedback.summary) embeds.push(summaryEmbed(content, feedback.summary));
  return { embeds, components: feedbackButtons(sessionId, feedback.summary ? null : feedback.step + 1, feedback.question.section), allowedMentions: NO_MENTIONS };
}

/** Starts (or resumes) a quiz and answers with its current question, privately. */
async function begin(interaction: Parameters<SlashCommand['execute']>[0] | ButtonInteraction | StringSelectMenuInteraction, ctx: BotContext, request: QuizRequest) {
  const started = startQuiz(ctx.engine, request);
  if (!started.ok) return replyPrivately(interaction, started.reason === 'unfinished' ? `${started.message.replace('the new option', '`/quiz new:True`')} Or run \`/quiz\` alone to resume it.` : started.message);
  const payload = stepPayload(ctx.engine.content, started.step);
  await replyPrivately(interaction, {
    ...payload,
    content: started.resumed ? `Resuming your unfinished quiz at ${started.step.step + 1}/${started.step.total}. Start over with \`/quiz new:true\`.` : undefined,
  });
}

/** How long the person looked at the question: from the message's last edit to the click. */
function durationMs(interaction: ButtonInteraction | StringSelectMenuInteraction): number {
  const shown = interaction.message.editedTimestamp ?? interaction.message.createdTimestamp;
  return Math.max(0, interaction.createdTimestamp - shown);
}

async function submit(interaction: ButtonInteraction | StringSelectMenuInteraction, ctx: BotContext, sessionId: string, step: number, chosen: string) {
  const feedback = answerQuiz(ctx.engine, {
    sessionId,
    personId: interaction.user.id,
    step,
    chosen,
    durationMs: durationMs(interaction),
    guildTimeZone: guildTimeZone(ctx, interaction.guildId),
  });
  if (!feedback.ok) return replyPrivately(interaction, feedback.message);
  await interaction.update(feedbackPayload(ctx.engine.content, sessionId, feedback));
}

function openStep(engine: Engine, sessionId: string, personId: string, step: number) {
  const loaded = loadQuiz(engine, sessionId, personId);
  if (!loaded.ok) return loaded;
  if (step !== loaded.session.position) return { ok: false as const, message: 'That question was already answered. Use the latest message of your quiz.' };
  const at = currentStep(engine, loaded.session, step);
  return at ? { ok: true as const, step: at } : { ok: false as const, message: 'This quiz is finished. Start another with /quiz.' };
}

export const quiz: SlashCommand = {
  rateLimited: true,
  data: (content) =>
    new SlashCommandBuilder()
      .setName('quiz')
      .setDescription('A private quiz picked for you: due reviews first, then your weak domains')
      .addStringOption((o) =>
        o
          .setName('domain')
          .setDescription('Only this exam domain')
          .addChoices(...content.blueprint.domains.map((d) => ({ name: d.name.slice(0, 100), value: d.id }))),
      )
      .addIntegerOption((o) => o.setName('count').setDescription('How many questions (default 10)').setMinValue(1).setMaxValue(QUIZ_MAX_COUNT))
      .addStringOption((o) =>
        o.setName('mode').setDescription('Which questions').addChoices({ name: 'For me (spaced repetition)', value: 'adaptive' }, { name: 'Replay what I missed', value: 'missed' }),
      )
      .addBooleanOption((o) => o.setName('new').setDescription('Start over even if a quiz is unfinished'))
      .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
      .toJSON(),

  async execute(interaction, ctx) {
    const mode = interaction.options.getString('mode') ?? 'adaptive';
    if (mode !== 'adaptive' && mode !== 'missed') return replyPrivately(interaction, `Unknown mode “${mode.slice(0, 40)}”: pick one from the list.`);
    const count = interaction.options.getInteger('count');
    if (count !== null && (count < 1 || count > QUIZ_MAX_COUNT)) return replyPrivately(interaction, `Count must be 1 to ${QUIZ_MAX_COUNT}.`);
    await begin(interaction, ctx, {
      personId: interaction.user.id,
      guildId: interaction.guildId,
      domain: interaction.options.getString('domain') ?? undefined,
      count: count ?? undefined,
      mode: interaction.options.getString('mode') === null ? undefined : mode,
      fresh: interaction.options.getBoolean('new') ?? false,
    });
  },
};

export const quizComponents: ComponentHandlers = {
  async qa(interaction, [sessionId, step, letter], ctx) {
    await submit(interaction, ctx, sessionId, step, letter);
  },
  async qs(interaction, [sessionId, step, selected], ctx) {
    await submit(interaction, ctx, sessionId, step, selected);
  },
  async qt(interaction, [sessionId, step, selected, letter], ctx) {
    const opened = openStep(ctx.engine, sessionId, interaction.user.id, step);
    if (!opened.ok) return replyPrivately(interaction, opened.message);
    const next = selected.includes(letter) ? selected.replace(letter, '') : [...selected, letter].sort().join('');
    if (next.length > opened.step.question.answer.length) return replyPrivately(interaction, `Pick ${opened.step.question.answer.length}: untick one first.`);
    await interaction.update(stepPayload(ctx.engine.content, opened.step, next));
  },
  async qn(interaction, [sessionId, step], ctx) {
    const opened = openStep(ctx.engine, sessionId, interaction.user.id, step);
    if (!opened.ok) return replyPrivately(interaction, opened.message);
    await interaction.update(stepPayload(ctx.engine.content, opened.step));
  },
  async wq(interaction, [sectionId], ctx) {
    await begin(interaction, ctx, { personId: interaction.user.id, guildId: interaction.guildId, section: sectionId, count: 5, fresh: true });
  },
};
