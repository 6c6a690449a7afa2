import { EmbedBuilder } from 'discord.js';
import { bar } from '../../format.js';
import { section, type Engine, type Exam, type ExamResult, type ExamView } from '../../study/index.js';
import { COLORS } from '../colors.js';
import { examButtons, reviewButtons, submitConfirmButtons } from '../components.js';
import type { View } from '../respond.js';
import { feedbackEmbed } from './feedback.js';
import { field, questionEmbed } from './question.js';

const unix = (d: Date) => Math.floor(d.getTime() / 1000);

export function examView(view: ExamView, note = ''): View {
  return {
    content: note,
    embeds: [
      questionEmbed(`Mock exam · question ${view.position + 1} of ${view.total}`, view.question, view.exam, view.chosen, [
        field('Answered', `${view.answered} of ${view.total}`, true),
        // Discord renders <t:…:R> as a live countdown on the reader's screen: one figure that never goes stale.
        field('Time', `ends <t:${unix(view.deadline)}:R>`, true),
      ]),
    ],
    components: examButtons(view.session.id, view.position, view.total, view.question, view.chosen),
  };
}

export function confirmView(
  sessionId: string,
  position: number,
  progress: { answered: number; total: number; unanswered: number[] },
): View {
  const open = progress.unanswered.length;
  const which =
    open === 0
      ? 'Every question is answered.'
      : `**${open} of ${progress.total} still unanswered** (question${open === 1 ? '' : 's'} ${progress.unanswered
          .slice(0, 10)
          .map((i) => i + 1)
          .join(', ')}${open > 10 ? ', …' : ''}); they count as wrong.`;
  return {
    content: '',
    embeds: [
      new EmbedBuilder()
        .setColor(COLORS.warn)
        .setTitle('Submit the exam?')
        .setDescription(`${which}\nOnce submitted, answers cannot be changed.`),
    ],
    components: submitConfirmButtons(sessionId, position),
  };
}

export function resultEmbed(result: ExamResult, exam: Exam | undefined): EmbedBuilder {
  const passed = result.passed;
  const embed = new EmbedBuilder()
    .setColor(passed ? COLORS.right : COLORS.wrong)
    .setTitle(`${passed ? '✅ Pass' : '❌ Not yet'}: ${result.scaled} (pass mark ${result.pass})${exam ? ` · ${exam.short}` : ''}`)
    .setDescription(
      `${result.correct} of ${result.total} right${result.autoSubmitted ? ', submitted when time ran out' : ''}. ` +
        (passed ? 'Well done: keep your streak going to stay there.' : 'Use the review below, then practise your weakest task.'),
    );
  for (const d of result.domains)
    embed.addFields(field(d.name, `\`${bar(d.total ? d.correct / d.total : 0)}\` ${d.correct} of ${d.total}`));
  const weakest = [...result.tasks]
    .filter((t) => t.correct < t.total)
    .sort((a, b) => a.correct / a.total - b.correct / b.total)
    .slice(0, 3);
  if (weakest.length > 0)
    embed.addFields(field('Weakest tasks', weakest.map((t) => `• ${t.task} ${t.name}: ${t.correct} of ${t.total}`).join('\n')));
  return embed;
}

export function resultView(sessionId: string, result: ExamResult, exam: Exam | undefined): View {
  return { content: '', embeds: [resultEmbed(result, exam)], components: reviewButtons(sessionId, -1, result.wrong.length) };
}

/** One wrong exam answer, in the same layout as quiz feedback, with its notes and a way back to the result. */
export function reviewView(engine: Engine, sessionId: string, result: ExamResult, exam: Exam, index: number): View {
  const wrong = result.wrong[index]!;
  const question = engine.content.pool.byId.get(wrong.questionId);
  if (!question) {
    const gone = new EmbedBuilder()
      .setColor(COLORS.neutral)
      .setTitle(`Review ${index + 1} of ${result.wrong.length}`)
      .setDescription('This question has been retired from the pool.');
    return { content: '', embeds: [gone], components: reviewButtons(sessionId, index, result.wrong.length) };
  }
  const notes = section(engine, question.section);
  const embed = feedbackEmbed({
    question,
    exam,
    chosen: wrong.chosen ?? '',
    correct: false,
    where: `review ${index + 1} of ${result.wrong.length} · question ${wrong.position + 1}`,
    sectionTitle: notes?.title,
  });
  return { content: '', embeds: [embed], components: reviewButtons(sessionId, index, result.wrong.length, notes) };
}
