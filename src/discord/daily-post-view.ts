import { EmbedBuilder } from 'discord.js';
import type { DailyAnswerStats, DailyPost } from '../db/daily-posts.js';
import { percent } from '../format.js';
import { LETTERS, type Question } from '../quiz/question.js';
import { dailyButtons } from './components.js';
import { COLORS, questionText } from './embeds.js';
import { NO_MENTIONS } from './safe-text.js';

/** "B · 3 of 5 right (60%) · first: @ana", the line that reveals a daily question's answer. */
export function revealLine(question: Question, stats: DailyAnswerStats): string {
  const letter = question.answer[0]!;
  const share = stats.answered ? `${stats.correct} of ${stats.answered} right (${percent(stats.correct / stats.answered)})` : 'nobody answered';
  const first = stats.firstCorrect ? ` · first: <@${stats.firstCorrect.personId}>` : '';
  return `**${letter}.** ${question.choices[LETTERS.indexOf(letter)]} · ${share}${first}`;
}

/** The public daily message: open (buttons live, answer count) or revealed (answer, share right, first). */
export function dailyPostPayload(post: DailyPost, question: Question, stats: DailyAnswerStats, previous?: string) {
  const revealed = post.revealedAt !== null;
  const embed = new EmbedBuilder()
    .setColor(revealed ? COLORS.neutral : COLORS.info)
    .setTitle(`📅 Daily question · ${post.day}`)
    .setDescription(questionText(question))
    .setFooter({ text: `${question.domain} · ${stats.answered} answered${revealed ? ' · closed' : ' · answer privately with the buttons'}` });
  if (revealed) embed.addFields({ name: 'Answer', value: revealLine(question, stats) });
  return {
    content: previous ? `Yesterday's answer: ${previous}` : undefined,
    embeds: [embed],
    components: revealed ? [] : dailyButtons(post.id, question),
    allowedMentions: NO_MENTIONS,
  };
}
