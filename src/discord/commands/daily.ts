import {
  ChannelType,
  EmbedBuilder,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type ChatInputCommandInteraction,
} from 'discord.js';
import {
  answerDaily,
  dailyOff,
  dailyStatus,
  digestDay,
  localTime,
  section,
  setDaily,
  setDigestDay,
  WEEKDAYS,
  type DailyNext,
  type DailySetupProblem,
} from '../../study/index.js';
import { COLORS } from '../colors.js';
import type { ComponentHandlers, SlashCommand } from '../command.js';
import { LIMITS } from '../limits.js';
import { deferPrivately, respond } from '../respond.js';
import { timeZoneChoices } from '../time-zones.js';
import { dailyFeedbackMessage } from '../views/daily.js';
import { refusalText } from '../words.js';

const PROBLEMS: Record<DailySetupProblem, string> = {
  time: 'time must be HH:MM in 24-hour form, e.g. 09:00 or 18:30',
  'time-zone': 'that is not a time zone; pick one from the list (e.g. Europe/Berlin)',
  domain: 'pick the domain from the list (a domain of this server’s exam)',
};

/** Manage Server is required twice: as the command's default permission and here, in case a server overrides it. */
function mayManage(interaction: ChatInputCommandInteraction): boolean {
  return interaction.inGuild() && interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) === true;
}

const when = (next: DailyNext) => `<t:${Math.floor(next.at.getTime() / 1000)}:R> (${next.time} ${next.timeZone})`;

export const daily = {
  data: (content) =>
    new SlashCommandBuilder()
      .setName('daily')
      .setDescription('The daily question in a channel (Manage Server)')
      .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
      .setContexts(InteractionContextType.Guild)
      .addSubcommand((s) =>
        s
          .setName('set')
          .setDescription('Post a daily question in a channel at a local time')
          .addChannelOption((o) =>
            o
              .setName('channel')
              .setDescription('Where to post')
              .setRequired(true)
              .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
          )
          .addStringOption((o) => o.setName('time').setDescription('Local time, 24h HH:MM, e.g. 09:00').setRequired(true).setMaxLength(5))
          .addStringOption((o) =>
            o.setName('timezone').setDescription('IANA zone, e.g. Europe/Berlin').setRequired(true).setAutocomplete(true).setMaxLength(64),
          )
          .addStringOption((o) =>
            o
              .setName('domain')
              .setDescription('Only questions of this domain of the server’s exam')
              .addChoices(
                ...[...content.exams.values()]
                  .flatMap((e) => e.domains.map((d) => ({ name: `${d.name} (${e.short})`.slice(0, 100), value: d.id })))
                  .filter((c, i, all) => all.findIndex((x) => x.value === c.value) === i)
                  .slice(0, 25),
              ),
          ),
      )
      .addSubcommand((s) =>
        s
          .setName('digest')
          .setDescription('A weekly group digest in the daily channel, at the daily time')
          .addStringOption((o) =>
            o
              .setName('day')
              .setDescription('Weekday of the digest, or off')
              .setRequired(true)
              .addChoices(...WEEKDAYS.map((d, i) => ({ name: d, value: String(i) })), { name: 'off', value: 'off' }),
          ),
      )
      .addSubcommand((s) => s.setName('off').setDescription('Stop the daily question'))
      .addSubcommand((s) => s.setName('status').setDescription('Settings, next post and any problem'))
      .addSubcommand((s) => s.setName('now').setDescription("Post today's question now (reveals the previous answer)"))
      .toJSON(),

  async execute(interaction, ctx) {
    if (!mayManage(interaction)) return respond(interaction, 'Only members with **Manage Server** can change the daily question.');
    const guildId = interaction.guildId!;
    const { engine } = ctx;
    const sub = interaction.options.getSubcommand();
    if (sub === 'set') {
      const channel = interaction.options.getChannel('channel', true);
      if (channel.type !== ChannelType.GuildText && channel.type !== ChannelType.GuildAnnouncement)
        return respond(interaction, 'Not saved: the channel must be a text or announcement channel.');
      const set = setDaily(engine, guildId, {
        channelId: channel.id,
        time: interaction.options.getString('time', true),
        timeZone: interaction.options.getString('timezone', true).trim(),
        domain: interaction.options.getString('domain'),
      });
      if (!set.ok) return respond(interaction, `Not saved: ${set.problems.map((p) => PROBLEMS[p]).join('; ')}.`);
      const status = dailyStatus(engine, guildId);
      return respond(
        interaction,
        `Daily question on in <#${channel.id}>: next post ${when(set.next)}, from ${status.exam.short}${status.domain ? `, ${status.domain} only` : ''}.`,
      );
    }
    if (sub === 'digest') {
      const day = interaction.options.getString('day', true);
      const index = day === 'off' ? null : Number(day);
      if (index !== null && !(Number.isInteger(index) && index >= 0 && index < 7))
        return respond(interaction, 'Pick the day from the list.');
      setDigestDay(engine, guildId, index);
      const status = dailyStatus(engine, guildId);
      if (index === null) return respond(interaction, 'Weekly digest off.');
      const where = status.enabled && status.channelId ? `in <#${status.channelId}>` : 'once the daily question is on (`/daily set`)';
      return respond(interaction, `Weekly digest on: every ${WEEKDAYS[index]} ${where}, at the daily time. Nobody is pinged.`);
    }
    if (sub === 'off') {
      dailyOff(engine, guildId);
      return respond(interaction, 'Daily question off. Turn it on again with `/daily set`.');
    }
    if (sub === 'now') {
      await deferPrivately(interaction);
      const result = await ctx.postDailyNow(guildId);
      return respond(interaction, result.message);
    }
    const status = dailyStatus(engine, guildId);
    const zone = status.next?.timeZone ?? 'UTC';
    const last = status.last;
    const lastText = !last
      ? 'none yet'
      : last.delivered
        ? `${last.day}: ${last.answered} answered`
        : `${last.day}: undelivered since ${localTime(last.since, zone)} (${zone}), ${last.retryAt ? `retrying at ${localTime(last.retryAt, zone)}` : 'retrying now'}. \`/daily now\` tries at once.`;
    const problem = last && !last.delivered ? (last.problem ?? status.problem) : status.problem;
    const embed = new EmbedBuilder()
      .setColor(problem ? COLORS.warn : COLORS.info)
      .setTitle('Daily question')
      .addFields(
        { name: 'Status', value: status.enabled && status.channelId ? `on in <#${status.channelId}>` : 'off', inline: true },
        { name: 'Next post', value: status.next ? when(status.next) : 'off', inline: true },
        { name: 'Questions', value: `${status.exam.short}${status.domain ? ` · ${status.domain}` : ' · all domains'}`, inline: true },
        { name: 'Weekly digest', value: ((d) => (d === null ? 'off' : `${WEEKDAYS[d]}s`))(digestDay(engine, guildId)), inline: true },
        { name: 'Last post', value: lastText },
      );
    if (problem) embed.addFields({ name: '⚠️ Problem', value: problem.slice(0, LIMITS.fieldValue) });
    await respond(interaction, { embeds: [embed] });
  },

  async autocomplete(interaction) {
    await interaction.respond(timeZoneChoices(interaction.options.getFocused()));
  },
} satisfies SlashCommand;

export const dailyComponents = {
  async da(interaction, [postId, letter], ctx) {
    if (!interaction.guildId) return respond(interaction, 'This button only works in its server.');
    const answered = answerDaily(ctx.engine, { postId, guildId: interaction.guildId, personId: interaction.user.id, letter });
    if (!answered.ok) return respond(interaction, refusalText(answered));
    const notes = section(ctx.engine, answered.view.question.section);
    await respond(interaction, dailyFeedbackMessage(answered, notes?.title, answered.view.question.section));
    if (!answered.duplicate) ctx.refreshDailyPost(postId);
  },
} satisfies ComponentHandlers<'da'>;
