import { EmbedBuilder } from 'discord.js';
import type { Digest } from '../../study/index.js';
import { userText } from '../safe-text.js';
import { COLORS } from '../colors.js';
import { weakTaskButtons } from '../components.js';
import type { View } from '../respond.js';
import { field } from './question.js';

export const digestTitle = (week: string) => `📊 Weekly digest · week of ${week}`;

/** The weekly group digest: where the group is weakest (with a Practice button each), who is ready, who was busiest. */
export function digestMessage(digest: Digest): View {
  const embed = new EmbedBuilder()
    .setColor(COLORS.info)
    .setTitle(digestTitle(digest.post.week))
    .setFooter({ text: `${digest.exam.short} · the last four weeks of answers in this server` });
  embed.addFields(
    field(
      'Where the group is weakest',
      digest.weakTasks.length > 0
        ? digest.weakTasks.map((t) => `• **${t.task}** ${t.name} · ${t.correct} of ${t.answers} right`).join('\n')
        : 'Not enough answers yet to tell. A few quizzes this week and it will show here.',
    ),
    field(
      'Likely to pass today',
      digest.members === 0
        ? 'Nobody has answered lately.'
        : digest.unknown === digest.members
          ? `No predictions yet: the ${digest.members} member${digest.members === 1 ? '' : 's'} who studied lately need more answers first.`
          : `**${digest.likelyToPass}** of ${digest.members - digest.unknown} member${digest.members - digest.unknown === 1 ? '' : 's'} with a prediction${digest.unknown > 0 ? ` (${digest.unknown} more need more answers first)` : ''}`,
    ),
    field(
      'Most active study group this week',
      digest.topGroup
        ? `**${userText(digest.topGroup.name, 50)}** · ${digest.topGroup.points} pts · ${digest.topGroup.members} members`
        : 'No study group has answered this week: `/group create` one.',
    ),
  );
  return { content: '', embeds: [embed], components: weakTaskButtons(digest.weakTasks) };
}
