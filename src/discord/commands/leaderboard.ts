import { EmbedBuilder, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { percent } from '../../format.js';
import {
  guildZone,
  leaderboard as board,
  POINTS_RIGHT,
  POINTS_WRONG,
  type LeaderboardRow,
  type LeaderboardScope,
  type Period,
} from '../../study/index.js';
import { COLORS } from '../colors.js';
import type { SlashCommand } from '../command.js';
import { respond } from '../respond.js';
import { userText } from '../safe-text.js';

const PERIODS: Record<Period, string> = { week: 'This week', month: 'This month', all: 'All time' };
const SCOPES: Record<LeaderboardScope, string> = { members: 'Members', groups: 'Study groups' };

function line(row: LeaderboardRow, scope: LeaderboardScope): string {
  // A mention renders as the member's name; allowedMentions keeps it from pinging anyone.
  const who =
    scope === 'members'
      ? `<@${row.id}>`
      : `**${userText(row.name ?? row.id, 50)}** · ${row.members ?? 0} member${row.members === 1 ? '' : 's'}`;
  const streak = row.streak ? ` · 🔥 ${row.streak}-day streak` : '';
  return `**#${row.rank}** ${who} · **${row.points}** pts · ${percent(row.accuracy)} right${streak}`;
}

export const leaderboard = {
  readOnly: true,
  data: () =>
    new SlashCommandBuilder()
      .setName('leaderboard')
      .setDescription('Top ten of this server; your own rank comes to you privately')
      .addStringOption((o) =>
        o
          .setName('period')
          .setDescription('Default: this week')
          .addChoices(...Object.entries(PERIODS).map(([value, name]) => ({ name, value }))),
      )
      .addStringOption((o) =>
        o
          .setName('scope')
          .setDescription('Members or study groups (default: members)')
          .addChoices(...Object.entries(SCOPES).map(([value, name]) => ({ name, value }))),
      )
      .setContexts(InteractionContextType.Guild)
      .toJSON(),
  async execute(interaction, ctx) {
    if (!interaction.guildId) return respond(interaction, 'Leaderboards live in a server.');
    const period = interaction.options.getString('period') ?? 'week';
    const scope = interaction.options.getString('scope') ?? 'members';
    if (!(period in PERIODS) || !(scope in SCOPES)) return respond(interaction, 'Pick the period and scope from the lists.');
    const p = period as Period;
    const s = scope as LeaderboardScope;
    const result = board(ctx.engine, { guildId: interaction.guildId, period: p, scope: s, callerId: interaction.user.id });
    const rows = result.rows.map((r) => line(r, s));
    const resets = result.end
      ? `Resets <t:${Math.floor(result.end.getTime() / 1000)}:R> (${guildZone(ctx.engine, interaction.guildId)}).`
      : 'Never resets.';
    const empty =
      s === 'groups' ? 'No study group has answered yet. Create one with `/group create`.' : 'Nobody has answered yet. Be first: `/quiz`.';
    const embed = new EmbedBuilder()
      .setColor(COLORS.info)
      .setTitle(`${PERIODS[p]} · ${SCOPES[s]}`)
      .setDescription(`${rows.length ? rows.join('\n') : empty}\n\n${resets}`)
      .setFooter({ text: `Points: ${POINTS_RIGHT} for a right answer, ${POINTS_WRONG} for a wrong one.` });
    // The board is for everyone in the channel; the caller's own rank is for the caller alone.
    await respond(interaction, { embeds: [embed] }, { public: true });
    const mine = result.caller;
    const words = mine
      ? `Your ${s === 'groups' ? 'group is' : 'rank:'} **#${mine.rank}** with **${mine.points}** pts (${percent(mine.accuracy)} right).`
      : s === 'groups'
        ? 'You are not in a study group here: `/group join` one to count for it.'
        : 'You are not on this board yet: one answer puts you on it.';
    await respond(interaction, words);
  },
} satisfies SlashCommand;
