import { EmbedBuilder } from 'discord.js';
import { bar, percent, truncate } from '../../format.js';
import type { PersonStats } from '../../study/index.js';
import { COLORS } from '../colors.js';
import { field } from './question.js';

/** Fewer answers than this in a domain and its figure is mostly the prior: say so. */
const FEW_ANSWERS = 5;

const answers = (n: number) => `${n} answer${n === 1 ? '' : 's'}`;

export function masteryLines(rows: ReadonlyArray<{ name: string; attempts: number; mastery: number }>): string {
  const lines = rows.map(
    (d) =>
      `\`${bar(d.mastery)}\` ${percent(d.mastery).padStart(4)} · ${d.name} · ${d.attempts === 0 ? 'no answers yet' : answers(d.attempts)}${d.attempts > 0 && d.attempts < FEW_ANSWERS ? ' *(a first guess)*' : ''}`,
  );
  return lines.join('\n');
}

/** "Would you pass today?" in words: the prediction with its range, or what is still missing. */
export function readinessText(r: PersonStats['readiness']): string {
  if (!r.enough || r.score === null || r.low === null || r.high === null || r.pass_probability === null)
    return `Not enough answers for a prediction yet: ${r.needed} more${r.needed_mostly ? `, mostly in ${r.needed_mostly}` : ''}.`;
  const raise = r.raise.length > 0 ? `\nTo raise it most: ${r.raise.map((t) => `**${t.task}** ${t.name}`).join(' · ')}` : '';
  return `Predicted **${r.score}** (likely ${r.low}–${r.high}) · pass mark ${r.pass} · **${percent(r.pass_probability)}** likely to pass today${raise}`;
}

export function statsEmbed(stats: PersonStats, who: string | null): EmbedBuilder {
  const title = who === null ? `Your progress · ${stats.exam.short}` : `${who}’s progress · ${stats.exam.short}`;
  const embed = new EmbedBuilder()
    .setColor(COLORS.info)
    .setTitle(truncate(title, 256))
    .addFields(
      field('Streak', `🔥 ${stats.streak.current} day${stats.streak.current === 1 ? '' : 's'} · best ${stats.streak.best}`, true),
      field('Answers', `${answers(stats.attempts)} · ${percent(stats.accuracy)} right`, true),
      field('Would you pass today?', readinessText(stats.readiness)),
      field('Mastery by domain', masteryLines(stats.domains)),
    )
    .setFooter({ text: `Mastery weighs recent answers most and starts at 50%. Studying for ${stats.exam.name}.` });
  if (stats.weakTasks.length > 0)
    embed.addFields(
      field(
        'Weakest tasks',
        stats.weakTasks
          .slice(0, 3)
          .map((t) => `• **${t.task}** ${t.name} · ${t.correct} of ${t.attempts} right`)
          .join('\n'),
      ),
    );
  return embed;
}

/** Where to focus: the weakest tasks with the bullet to read first and the sections to reread. */
export function weakEmbed(stats: PersonStats): EmbedBuilder {
  const embed = new EmbedBuilder().setColor(COLORS.warn).setTitle(`Where to focus · ${stats.exam.short}`);
  if (stats.weakTasks.length === 0) return embed.setDescription('No wrong answers yet in this exam. Keep going: `/quiz`.');
  for (const t of stats.weakTasks.slice(0, 5)) {
    const lines = [
      `${t.correct} of ${t.attempts} right · mastery ${percent(t.mastery)}`,
      ...(t.bullet ? [`Read first: *${t.bullet.text}*`] : []),
      ...(t.sections.length > 0
        ? [
            `Reread: ${t.sections
              .slice(0, 3)
              .map((s) => s.title)
              .join(' · ')}`,
          ]
        : []),
    ];
    embed.addFields(field(`${t.task} ${t.name}`, lines.join('\n')));
  }
  return embed.setFooter({ text: 'The buttons start a short quiz on a task or a section.' });
}
