import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { chooseGuildExam, choosePersonExam, choosePersonTimeZone, examFor, guildExam, guildZone, zoneFor } from '../../study/index.js';
import type { SlashCommand } from '../command.js';
import { respond } from '../respond.js';
import { timeZoneChoices } from '../time-zones.js';
import { examNotice } from '../views/exam-status.js';
import { refusalText } from '../words.js';

export const settings = {
  data: (content) =>
    new SlashCommandBuilder()
      .setName('settings')
      .setDescription('Which exam you study for and your time zone (no options: show them)')
      .addStringOption((o) =>
        o
          .setName('exam')
          .setDescription('The exam to study for')
          .addChoices(...[...content.exams.values()].map((e) => ({ name: `${e.short}: ${e.name}`.slice(0, 100), value: e.code })), {
            name: 'The server’s exam',
            value: 'server',
          }),
      )
      .addStringOption((o) =>
        o
          .setName('for')
          .setDescription('Set it for you (default) or, with Manage Server, for the whole server')
          .addChoices({ name: 'me', value: 'me' }, { name: 'this server', value: 'server' }),
      )
      .addStringOption((o) =>
        o.setName('timezone').setDescription('Your own time zone for streaks, e.g. Europe/Berlin').setAutocomplete(true).setMaxLength(64),
      )
      .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
      .toJSON(),

  async execute(interaction, ctx) {
    const { engine } = ctx;
    const exam = interaction.options.getString('exam');
    const scope = interaction.options.getString('for') ?? 'me';
    const zone = interaction.options.getString('timezone')?.trim();
    const said: string[] = [];
    if (exam !== null && scope === 'server') {
      if (!interaction.inGuild() || interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) !== true)
        return respond(
          interaction,
          'Only members with **Manage Server** can choose the server’s exam. To choose your own, run `/settings` with `exam` alone.',
        );
      if (exam === 'server') return respond(interaction, 'Pick an exam for the server from the list.');
      const chosen = chooseGuildExam(engine, interaction.guildId, exam);
      if (!chosen.ok) return respond(interaction, refusalText(chosen));
      said.push(
        `This server now studies for **${chosen.exam.name}**: the daily question comes from it, and so do quizzes for everyone who chose no exam of their own.`,
      );
    } else if (exam !== null) {
      const chosen = choosePersonExam(engine, interaction.user.id, exam === 'server' ? null : exam);
      if (!chosen.ok) return respond(interaction, refusalText(chosen));
      const now = examFor(engine, interaction.user.id, interaction.guildId);
      said.push(
        exam === 'server'
          ? `You now follow the server’s exam: **${now.name}**.`
          : `You now study for **${now.name}**: your quizzes, mock exams, weak spots and stats follow it.`,
      );
    }
    if (zone) {
      const chosen = choosePersonTimeZone(engine, interaction.user.id, zone);
      if (!chosen.ok) return respond(interaction, refusalText(chosen));
      said.push(`Your streak now counts days in ${chosen.zone}.`);
    }
    const mine = examFor(engine, interaction.user.id, interaction.guildId);
    const notice = examNotice(mine, mine.successor ? engine.content.exams.get(mine.successor)?.name : undefined);
    const server = interaction.guildId
      ? `\nThis server: **${guildExam(engine, interaction.guildId).short}**, its days in ${guildZone(engine, interaction.guildId)}.`
      : '';
    said.push(
      `You: **${mine.short}**${exam === null ? ` (${mine.name})` : ''}, streak days counted in ${zoneFor(engine, interaction.user.id, interaction.guildId)}.${server}${notice ? `\n*${notice}*` : ''}`,
    );
    await respond(interaction, said.join('\n'));
  },

  async autocomplete(interaction) {
    await interaction.respond(timeZoneChoices(interaction.options.getFocused()));
  },
} satisfies SlashCommand;
