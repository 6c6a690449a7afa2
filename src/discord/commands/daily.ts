import { ChannelType, EmbedBuilder, InteractionContextType, PermissionFlagsBits, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { isTimeZone } from '../../config.js';
import { latestDailyPost, dailyAnswerStats, retryUndeliveredNow, type DailyPost } from '../../db/daily-posts.js';
import { disableDaily, getGuildSettings, upsertGuildSettings } from '../../db/guild-settings.js';
import { localDate, localTime } from '../../progress/calendar.js';
import { answerDaily } from '../../quiz/daily-answer.js';
import type { ComponentHandlers, SlashCommand } from '../command.js';
import type { BotContext } from '../context.js';
import { LIMITS } from '../limits.js';
import { replyPrivately } from '../reply.js';
import { timeZoneChoices } from '../time-zones.js';
import { COLORS } from '../embeds.js';

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** Manage Server is required twice: as the command's default permission and here, in case a server overrides it. */
function mayManage(interaction: ChatInputCommandInteraction): boolean {
  return interaction.inGuild() && interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) === true;
}

function nextPostText(ctx: BotContext, guildId: string): string {
  const settings = getGuildSettings(ctx.engine.store, guildId);
  if (!settings?.enabled) return 'off';
  const now = ctx.engine.clock.now();
  const today = localDate(now, settings.timeZone);
  const postedToday = settings.lastPostedDay !== null && settings.lastPostedDay >= today;
  const when = postedToday || localTime(now, settings.timeZone) >= settings.dailyTime ? (postedToday ? 'tomorrow' : 'within a minute') : 'today';
  return `${when} at ${settings.dailyTime} (${settings.timeZone})`;
}

function lastPostText(post: DailyPost, zone: string, answered: number, now: Date): string {
  if (post.messageId !== null) return `${post.day}: ${answered} answered`;
  const retry = post.nextAttemptAt && post.nextAttemptAt > now ? `retrying at ${localTime(post.nextAttemptAt, zone)}` : 'retrying now';
  return `${post.day}: undelivered since ${localTime(post.postedAt, zone)} (${zone}), ${retry}. \`/daily now\` tries at once.`;
}

export const daily: SlashCommand = {
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
          .addChannelOption((o) => o.setName('channel').setDescription('Where to post').setRequired(true).addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement))
          .addStringOption((o) => o.setName('time').setDescription('Local time, 24h HH:MM, e.g. 09:00').setRequired(true).setMaxLength(5))
          .addStringOption((o) => o.setName('timezone').setDescription('IANA zone, e.g. Europe/Berlin').setRequired(true).setAutocomplete(true).setMaxLength(64))
          .addStringOption((o) =>
            o
              .setName('domain')
              .setDescription('Only questions of this domain')
              .addChoices(...content.blueprint.domains.map((d) => ({ name: d.name.slice(0, 100), value: d.id }))),
          ),
      )
      .addSubcommand((s) => s.setName('off').setDescription('Stop the daily question'))
      .addSubcommand((s) => s.setName('status').setDescription('Settings, next post and any problem'))
      .addSubcommand((s) => s.setName('now').setDescription("Post today's question now (reveals the previous answer)"))
      .toJSON(),

  async execute(interaction, ctx) {
    if (!mayManage(interaction)) return replyPrivately(interaction, 'Only members with **Manage Server** can change the daily question.');
    const guildId = interaction.guildId!;
    const { store, clock, content } = ctx.engine;
    const sub = interaction.options.getSubcommand();
    if (sub === 'set') {
      const channel = interaction.options.getChannel('channel', true);
      const time = TIME.exec(interaction.options.getString('time', true).trim());
      const timeZone = interaction.options.getString('timezone', true).trim();
      const domain = interaction.options.getString('domain');
      const problems = [
        channel.type === ChannelType.GuildText || channel.type === ChannelType.GuildAnnouncement ? null : 'the channel must be a text or announcement channel',
        time ? null : 'time must be HH:MM in 24-hour form, e.g. 09:00 or 18:30',
        isTimeZone(timeZone) ? null : `“${timeZone.slice(0, 64)}” is not a time zone; pick one from the list (e.g. Europe/Berlin)`,
        domain === null || content.blueprint.domains.some((d) => d.id === domain) ? null : 'pick the domain from the list',
      ].filter((p): p is string => p !== null);
      if (problems.length > 0) return replyPrivately(interaction, `Not saved: ${problems.join('; ')}.`);
      const dailyTime = `${time![1]!.padStart(2, '0')}:${time![2]}`;
      upsertGuildSettings(store, guildId, { dailyChannelId: channel.id, dailyTime, timeZone, domain, enabled: true }, clock.now());
      // An undelivered post of today goes to the (perhaps new) channel at the next tick, without waiting.
      const pending = latestDailyPost(store, guildId);
      if (pending && pending.messageId === null) retryUndeliveredNow(store, pending.id, channel.id);
      return replyPrivately(interaction, `Daily question on in <#${channel.id}>: next post ${nextPostText(ctx, guildId)}${domain ? `, ${domain} only` : ''}.`);
    }
    if (sub === 'off') {
      disableDaily(store, guildId, clock.now());
      return replyPrivately(interaction, 'Daily question off. Turn it on again with `/daily set`.');
    }
    if (sub === 'now') {
      await interaction.deferReply({ flags: 'Ephemeral' });
      const result = await ctx.postDailyNow(guildId);
      return replyPrivately(interaction, result.message);
    }
    const settings = getGuildSettings(store, guildId);
    const last = latestDailyPost(store, guildId);
    const embed = new EmbedBuilder()
      .setColor(settings?.lastError ? COLORS.warn : COLORS.info)
      .setTitle('Daily question')
      .addFields(
        { name: 'Status', value: settings?.enabled ? `on in <#${settings.dailyChannelId}>` : 'off', inline: true },
        { name: 'Next post', value: nextPostText(ctx, guildId), inline: true },
        { name: 'Domain', value: settings?.domain ?? 'all', inline: true },
        { name: 'Last post', value: last ? lastPostText(last, settings?.timeZone ?? 'UTC', dailyAnswerStats(store, last.id).answered, clock.now()) : 'none yet' },
      );
    const problem = last && last.messageId === null ? (last.lastError ?? settings?.lastError) : settings?.lastError;
    if (problem) embed.addFields({ name: '⚠️ Problem', value: problem.slice(0, LIMITS.fieldValue) });
    await replyPrivately(interaction, { embeds: [embed] });
  },

  async autocomplete(interaction) {
    await interaction.respond(timeZoneChoices(interaction.options.getFocused()));
  },
};

export const dailyComponents: ComponentHandlers = {
  async da(interaction, [postId, letter], ctx) {
    if (!interaction.guildId) return replyPrivately(interaction, 'This button only works in its server.');
    const answered = answerDaily(ctx.engine, { postId, guildId: interaction.guildId, personId: interaction.user.id, letter, guildTimeZone: getGuildSettings(ctx.engine.store, interaction.guildId)?.timeZone });
    if (!answered.ok) return replyPrivately(interaction, answered.message);
    const { question, grade, duplicate } = answered;
    const section = ctx.engine.content.search.section(question.section);
    const verdict = `${grade.correct ? '✅ Right' : `❌ Not quite: you chose **${grade.chosen}**`}. The answer is **${grade.expected}**. Keep it to yourself until the reveal!`;
    const embed = new EmbedBuilder({
      color: grade.correct ? COLORS.right : COLORS.wrong,
      description: duplicate ? `You already answered (**${grade.chosen}**): each member answers once.\n${verdict}` : verdict,
      fields: [
        { name: 'Why', value: question.explanation.slice(0, LIMITS.fieldValue) },
        ...(section ? [{ name: 'From the notes', value: `${section.title} (\`${section.id}\`)` }] : []),
      ],
    });
    await replyPrivately(interaction, { embeds: [embed] });
    if (!duplicate) ctx.refreshDailyPost(postId);
  },
};
