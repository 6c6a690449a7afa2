import { EmbedBuilder } from 'discord.js';
import { truncate } from '../../format.js';
import type { Engine, Feedback, QuizStep, QuizSummary } from '../../study/index.js';
import { section } from '../../study/index.js';
import { COLORS } from '../colors.js';
import { feedbackButtons, quizButtons, summaryButtons } from '../components.js';
import type { View } from '../respond.js';
import { feedbackEmbed } from './feedback.js';
import { questionEmbed } from './question.js';

export function stepView(step: QuizStep, selected = '', note?: string): View {
  return {
    content: note ?? '',
    embeds: [questionEmbed(`Question ${step.step + 1}/${step.total}`, step.question, step.exam, selected)],
    components: quizButtons(step.session.id, step.step, step.question, selected),
  };
}

export function feedbackView(engine: Engine, feedback: Feedback): View {
  const notes = section(engine, feedback.question.section);
  const embeds = [
    feedbackEmbed({
      question: feedback.question,
      exam: feedback.exam,
      chosen: feedback.grade.chosen,
      correct: feedback.grade.correct,
      where: `${feedback.step + 1}/${feedback.total}`,
      duplicate: feedback.duplicate,
      streak: feedback.streak,
      points: feedback.points,
      sectionTitle: notes?.title,
    }),
  ];
  if (!feedback.summary) return { content: '', embeds, components: feedbackButtons(feedback.sessionId, feedback.step + 1, notes) };
  const reread = sectionsOf(engine, feedback.summary);
  embeds.push(summaryEmbed(feedback.summary, reread));
  return { content: '', embeds, components: summaryButtons(feedback.sessionId, reread, feedback.summary.missed.length) };
}

function sectionsOf(engine: Engine, summary: QuizSummary): Array<{ id: string; title: string }> {
  return summary.reread.map((id) => ({ id, title: section(engine, id)?.title ?? 'A retired section' }));
}

export function summaryEmbed(summary: QuizSummary, reread: ReadonlyArray<{ title: string }>): EmbedBuilder {
  const all = summary.correct === summary.total;
  return new EmbedBuilder()
    .setColor(all ? COLORS.right : COLORS.info)
    .setTitle(`Quiz done: ${summary.correct} of ${summary.total} right`)
    .setDescription(
      all
        ? 'Every answer right. A new quiz will bring your due reviews and weakest domains.'
        : truncate(`Worth a reread (a button each below):\n${reread.map((s) => `• ${s.title}`).join('\n')}`, 3500),
    );
}
