import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import {
  answerQuiz,
  examFor,
  QUIZ_DEFAULT_COUNT,
  QUIZ_MAX_COUNT,
  quizStep,
  replayQuiz,
  startQuiz,
  type QuizRequest,
} from '../../study/index.js';
import type { ComponentHandlers, ComponentInteraction, SlashCommand } from '../command.js';
import type { BotContext } from '../context.js';
import { respond, update } from '../respond.js';
import { feedbackView, stepView } from '../views/quiz.js';
import { refusalText } from '../words.js';

type Starter = Parameters<SlashCommand['execute']>[0] | ComponentInteraction;

/** Starts (or resumes) a quiz and answers with its current question, privately. */
async function begin(interaction: Starter, ctx: BotContext, request: QuizRequest): Promise<void> {
  const started = startQuiz(ctx.engine, request);
  if (!started.ok) return respond(interaction, refusalText(started));
  const { step } = started;
  await respond(
    interaction,
    stepView(
      step,
      '',
      started.resumed
        ? `Resuming your unfinished quiz at question ${step.step + 1} of ${step.total}. Start over with \`/quiz new:True\`.`
        : undefined,
    ),
  );
}

/** How long the person looked at the question: from the message's last edit to the click. */
function durationMs(interaction: ComponentInteraction): number {
  const shown = interaction.message.editedTimestamp ?? interaction.message.createdTimestamp;
  return Math.max(0, interaction.createdTimestamp - shown);
}

async function submit(interaction: ComponentInteraction, ctx: BotContext, sessionId: string, step: number, chosen: string): Promise<void> {
  // A double click answers once: the second click gets the stored answer shown again.
  const feedback = answerQuiz(ctx.engine, { sessionId, personId: interaction.user.id, step, chosen, durationMs: durationMs(interaction) });
  if (!feedback.ok) return respond(interaction, refusalText(feedback));
  await update(interaction, feedbackView(ctx.engine, feedback));
}

export const quiz = {
  rateLimited: true,
  data: (content) =>
    new SlashCommandBuilder()
      .setName('quiz')
      .setDescription('A private quiz picked for you: due reviews first, then your weak spots')
      .addStringOption((o) =>
        o
          .setName('domain')
          .setDescription('Only one domain of your exam')
          .addChoices(...uniqueDomains(content).map((d) => ({ name: d.name.slice(0, 100), value: d.id }))),
      )
      .addStringOption((o) =>
        o.setName('task').setDescription('Only one task of your exam, e.g. 3.2').setMaxLength(6).setAutocomplete(true),
      )
      .addIntegerOption((o) =>
        o.setName('count').setDescription(`How many questions (default ${QUIZ_DEFAULT_COUNT})`).setMinValue(1).setMaxValue(QUIZ_MAX_COUNT),
      )
      .addStringOption((o) =>
        o
          .setName('mode')
          .setDescription('Which questions')
          .addChoices({ name: 'For me (spaced repetition)', value: 'adaptive' }, { name: 'Replay what I missed', value: 'missed' }),
      )
      .addBooleanOption((o) => o.setName('new').setDescription('Start over even if a quiz is unfinished'))
      .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
      .toJSON(),

  async execute(interaction, ctx) {
    const mode = interaction.options.getString('mode');
    if (mode !== null && mode !== 'adaptive' && mode !== 'missed') return respond(interaction, 'Pick the mode from the list.');
    const count = interaction.options.getInteger('count');
    if (count !== null && (count < 1 || count > QUIZ_MAX_COUNT)) return respond(interaction, `Count must be 1 to ${QUIZ_MAX_COUNT}.`);
    await begin(interaction, ctx, {
      personId: interaction.user.id,
      guildId: interaction.guildId,
      domain: interaction.options.getString('domain') ?? undefined,
      task: interaction.options.getString('task')?.trim() || undefined,
      count: count ?? undefined,
      mode: mode ?? undefined,
      fresh: interaction.options.getBoolean('new') ?? false,
    });
  },

  async autocomplete(interaction, ctx) {
    const typed = interaction.options.getFocused().toLowerCase();
    const exam = examFor(ctx.engine, interaction.user.id, interaction.guildId);
    await interaction.respond(
      exam.tasks
        .filter((t) => `${t.id} ${t.name}`.toLowerCase().includes(typed))
        .slice(0, 25)
        .map((t) => ({ name: `${t.id} ${t.name}`.slice(0, 100), value: t.id })),
    );
  },
} satisfies SlashCommand;

/** Domains of every exam, once each: the registered choices cannot depend on who is asking. */
function uniqueDomains(content: Parameters<SlashCommand['data']>[0]): Array<{ id: string; name: string }> {
  const seen = new Map<string, string>();
  for (const exam of content.exams.values()) for (const d of exam.domains) if (!seen.has(d.id)) seen.set(d.id, `${d.name} (${exam.short})`);
  return [...seen].slice(0, 25).map(([id, name]) => ({ id, name }));
}

export const quizComponents = {
  async qa(interaction, [sessionId, step, letter], ctx) {
    await submit(interaction, ctx, sessionId, step, letter);
  },
  async qs(interaction, [sessionId, step, selected], ctx) {
    await submit(interaction, ctx, sessionId, step, selected);
  },
  async qt(interaction, [sessionId, step, selected, letter], ctx) {
    const opened = quizStep(ctx.engine, { sessionId, personId: interaction.user.id, step });
    if (!opened.ok) return respond(interaction, refusalText(opened));
    const next = selected.includes(letter) ? selected.replace(letter, '') : [...selected, letter].sort().join('');
    if (next.length > opened.step.question.answer.length)
      return respond(interaction, `Pick ${opened.step.question.answer.length}: untick one first.`);
    await update(interaction, stepView(opened.step, next));
  },
  async qn(interaction, [sessionId, step], ctx) {
    const opened = quizStep(ctx.engine, { sessionId, personId: interaction.user.id, step });
    if (!opened.ok) return respond(interaction, refusalText(opened));
    await update(interaction, stepView(opened.step));
  },
  async qr(interaction, [sessionId], ctx) {
    const replay = replayQuiz(ctx.engine, { personId: interaction.user.id, guildId: interaction.guildId, sessionId });
    if (!replay.ok) return respond(interaction, refusalText(replay));
    await respond(
      interaction,
      stepView(replay.step, '', `Replaying the ${replay.step.total} question${replay.step.total === 1 ? '' : 's'} you missed.`),
    );
  },
  async qw(interaction, _fields, ctx) {
    await begin(interaction, ctx, { personId: interaction.user.id, guildId: interaction.guildId, fresh: true });
  },
  async wq(interaction, [ref], ctx) {
    const target = ctx.engine.content.search.sectionByRef(ref);
    if (!target) return respond(interaction, 'That section is no longer in the notes.');
    await begin(interaction, ctx, {
      personId: interaction.user.id,
      guildId: interaction.guildId,
      section: target.id,
      count: 5,
      fresh: true,
    });
  },
  async wt(interaction, [task], ctx) {
    await begin(interaction, ctx, { personId: interaction.user.id, guildId: interaction.guildId, task, count: 5, fresh: true });
  },
} satisfies ComponentHandlers<'qa' | 'qs' | 'qt' | 'qn' | 'qr' | 'qw' | 'wq' | 'wt'>;
