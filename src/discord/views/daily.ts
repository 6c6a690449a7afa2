import { EmbedBuilder } from 'discord.js';
import { percent, truncate } from '../../format.js';
import { domainName, LETTERS, type DailyFeedback, type DailyPostView } from '../../study/index.js';
import { COLORS } from '../colors.js';
import { dailyButtons, readButton, row } from '../components.js';
import { LIMITS } from '../limits.js';
import type { View } from '../respond.js';
import { feedbackEmbed, markedChoices } from './feedback.js';
import { questionText } from './question.js';

const unix = (d: Date) => Math.floor(d.getTime() / 1000);

/** "**B.** text · 3 of 5 right (60%) · first: @ana", the line that reveals a daily question's answer. */
export function revealLine(view: DailyPostView): string {
  const { question, stats } = view;
  const keyed = question.answer.map((l) => `**${l}.** ${question.choices[LETTERS.indexOf(l)]}`).join(' + ');
  const share = stats.answered
    ? `${stats.correct} of ${stats.answered} right (${percent(stats.correct / stats.answered)})`
    : 'nobody answered';
  const first = stats.firstCorrect ? ` · first: <@${stats.firstCorrect.personId}>` : '';
  return `${keyed} · ${share}${first}`;
}

/** "3 of 5 right (60%) · first: @ana": how the group did, under a closed post whose choices show the answer. */
function resultLine(view: DailyPostView): string {
  const { stats } = view;
  const share = stats.answered
    ? `${stats.correct} of ${stats.answered} right (${percent(stats.correct / stats.answered)})`
    : 'nobody answered';
  return `${share}${stats.firstCorrect ? ` · first: <@${stats.firstCorrect.personId}>` : ''}`;
}

export function messageLink(guildId: string, channelId: string, messageId: string): string {
  return `https://discord.com/channels/${guildId}/${channelId}/${messageId}`;
}

/** The public daily message: open (buttons, answer count, when the answer comes) or revealed (answer marked). */
export function dailyPostMessage(view: DailyPostView, previous?: DailyPostView | null): View {
  const { post, question, exam, stats } = view;
  const revealed = post.revealedAt !== null;
  const placement = question.exams[exam.code];
  const where = placement ? `${exam.short} · ${domainName(exam, placement.domain)}` : exam.short;
  const embed = new EmbedBuilder()
    .setColor(revealed ? COLORS.neutral : COLORS.info)
    .setTitle(`📅 Daily question · ${post.day}`)
    .setDescription(
      revealed ? truncate(`${question.prompt}\n\n${markedChoices(question, '')}`, LIMITS.embedDescription) : questionText(question),
    )
    .setFooter({ text: `${where} · ${stats.answered} answered${revealed ? ' · closed' : ' · answer privately with the buttons'}` });
  if (revealed) embed.addFields({ name: 'How it went', value: truncate(resultLine(view), LIMITS.fieldValue) });
  else if (view.revealAt) embed.addFields({ name: 'Answer revealed', value: `<t:${unix(view.revealAt)}:R>, with the next question` });
  const back = previous?.post.messageId
    ? ` · [yesterday's question](${messageLink(previous.post.guildId, previous.post.channelId, previous.post.messageId)})`
    : '';
  return {
    content: previous ? truncate(`Yesterday's answer: ${revealLine(previous)}${back}`, LIMITS.content) : '',
    embeds: [embed],
    components: revealed ? [] : dailyButtons(post.id, question),
  };
}

/** What the answerer sees privately: the same layout as quiz feedback. */
export function dailyFeedbackMessage(feedback: DailyFeedback, sectionTitle: string | undefined, sectionId: string): View {
  const embed = feedbackEmbed({
    question: feedback.view.question,
    exam: feedback.view.exam,
    chosen: feedback.grade.chosen,
    correct: feedback.grade.correct,
    where: `daily question · ${feedback.view.post.day}`,
    duplicate: feedback.duplicate,
    streak: feedback.streak,
    points: feedback.points,
    sectionTitle,
  });
  const reveal = feedback.view.revealAt
    ? ` The answer is revealed to everyone <t:${unix(feedback.view.revealAt)}:R>: keep it to yourself until then!`
    : '';
  return { content: reveal.trim(), embeds: [embed], components: sectionTitle ? [row(readButton(sectionId, sectionTitle))] : [] };
}
