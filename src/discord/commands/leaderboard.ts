import { EmbedBuilder, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { leaderboard as board, type LeaderboardRow } from '../../progress/leaderboard.js';
import { percent } from '../../format.js';
import type { SlashCommand } from '../command.js';
import { guildTimeZone } from '../context.js';
import { COLORS } from '../embeds.js';
import { replyPrivately } from '../reply.js';
import { NO_MENTIONS, userText } from '../safe-text.js';

const PERIODS = { week: 'This week', month: 'This month', all: 'All time' } as const;
const SCOPES = ['members', 'groups'] as const;

function line(row: LeaderboardRow, scope: (typeof SCOPES)[number]): string {
  // A mention renders as the member's name; allowedMentions keeps it from pinging anyone.
  const who = scope === 'members' ? `<@${row.id}>` : `**${userText(row.name ?? row.id, 50)}** (${row.members ?? 0})`;
  const streak = row.streak ? ` · 🔥${row.streak}` : '';
  return `\`#${String(row.rank).padStart(2)}\` ${who} · **${row.points}** pts · ${percent(row.accuracy)}${streak}`;
}

export const leaderboard: SlashCommand = {
  readOnly: true,
  data: () =>
    new SlashCommandBuilder()
      .setName('leaderboard')
      .setDescription('Top ten of this server, and your own rank')
      .addStringOption((o) =>
        o
          .setName('period')
          .setDescription('Default: this week')
          .addChoices(...Object.entries(PERIODS).map(([value, name]) => ({ name, value }))),
      )
      .addStringOption((o) => o.setName('scope').setDescription('Members or study groups (default: members)').addChoices(...SCOPES.map((s) => ({ name: s, value: s }))))
      .setContexts(InteractionContextType.Guild)
      .toJSON(),
  async execute(interaction, ctx) {
    if (!interaction.guildId) return replyPrivately(interaction, 'Leaderboards live in a server.');
    const period = interaction.options.getString('period') ?? 'week';
    const scope = interaction.options.getString('scope') ?? 'members';
    if (!(period in PERIODS) || !SCOPES.includes(scope as never)) return replyPrivately(interaction, 'Pick the period and scope from the lists.');
    const tz = guildTimeZone(ctx, interaction.guildId);
    const result = board(ctx.engine.store, {
      guildId: interaction.guildId,
      period: period as keyof typeof PERIODS,
      scope: scope as (typeof SCOPES)[number],
      callerId: interaction.user.id,
      tz,
      now: ctx.engine.clock.now(),
    });
    const rows = result.rows.map((r) => line(r, scope as (typeof SCOPES)[number]));
    const mine = result.caller && !result.rows.some((r) => r.rank === result.caller!.rank) ? `\n…\n${line(result.caller, scope as (typeof SCOPES)[number])} ← you` : '';
    const resets = result.end ? `Resets <t:${Math.floor(result.end.getTime() / 1000)}:R> (${tz}).` : 'Never resets.';
    const embed = new EmbedBuilder()
      .setColor(COLORS.info)
      .setTitle(`${PERIODS[period as keyof typeof PERIODS]} · ${scope}`)
      .setDescription(rows.length ? `${rows.join('\n')}${mine}` : scope === 'groups' ? 'No study group has answered yet. Create one with `/group create`.' : 'Nobody has answered yet. Be first: `/quiz`.')
      .setFooter({ text: '10 points per right answer, 1 per answer tried.' })
      .addFields({ name: '\u200b', value: `${result.caller ? `Your rank: **#${result.caller.rank}**. ` : ''}${resets}` });
    await interaction.reply({ embeds: [embed], allowedMentions: NO_MENTIONS });
  },
};
