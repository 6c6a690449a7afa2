import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { truncate } from '../../format.js';
import { createStudyGroup, groupName, joinStudyGroup, leaveStudyGroup, MAX_GROUP_NAME_LENGTH, studyGroups } from '../../study/index.js';
import type { SlashCommand } from '../command.js';
import { LIMITS } from '../limits.js';
import { respond } from '../respond.js';
import { userText } from '../safe-text.js';

export const group = {
  data: () =>
    new SlashCommandBuilder()
      .setName('group')
      .setDescription('Study groups in this server: compete together on the leaderboard')
      .addSubcommand((s) =>
        s
          .setName('create')
          .setDescription('Create a study group and join it')
          .addStringOption((o) => o.setName('name').setDescription('Group name').setRequired(true).setMaxLength(MAX_GROUP_NAME_LENGTH)),
      )
      .addSubcommand((s) =>
        s
          .setName('join')
          .setDescription('Join a study group (you leave your current one)')
          .addStringOption((o) =>
            o.setName('name').setDescription('Group name').setRequired(true).setMaxLength(MAX_GROUP_NAME_LENGTH).setAutocomplete(true),
          ),
      )
      .addSubcommand((s) => s.setName('leave').setDescription('Leave your study group'))
      .addSubcommand((s) => s.setName('list').setDescription('All study groups here'))
      .setContexts(InteractionContextType.Guild)
      .toJSON(),

  async execute(interaction, ctx) {
    const guildId = interaction.guildId;
    if (!guildId) return respond(interaction, 'Study groups live in a server.');
    const sub = interaction.options.getSubcommand();
    const name = groupName(interaction.options.getString('name') ?? '') ?? '';
    const shown = userText(name, MAX_GROUP_NAME_LENGTH);
    if ((sub === 'create' || sub === 'join') && name === '') {
      return respond(interaction, `A group name is 1 to ${MAX_GROUP_NAME_LENGTH} characters.`);
    }
    if (sub === 'create') {
      const created = createStudyGroup(ctx.engine, { guildId, name, personId: interaction.user.id });
      if (!created.ok) {
        return respond(
          interaction,
          created.reason === 'name-taken'
            ? `There is already a group called **${userText(created.existing.name, 50)}**: \`/group join\` it.`
            : 'That name cannot be used.',
        );
      }
      return respond(
        interaction,
        `Created **${shown}** and joined it${created.left ? ` (you left ${userText(created.left.name, 50)})` : ''}. Invite others with \`/group join\`.`,
      );
    }
    if (sub === 'join') {
      const joined = joinStudyGroup(ctx.engine, { guildId, name, personId: interaction.user.id });
      if (!joined.ok) return respond(interaction, `No group called **${shown}**. See \`/group list\`, or \`/group create\` it.`);
      if (joined.alreadyMember) return respond(interaction, `You are already in **${userText(joined.group.name, 50)}**.`);
      return respond(
        interaction,
        `You joined **${userText(joined.group.name, 50)}**${joined.left ? ` and left ${userText(joined.left.name, 50)}` : ''}.`,
      );
    }
    if (sub === 'leave') {
      const left = leaveStudyGroup(ctx.engine, { guildId, personId: interaction.user.id });
      return respond(interaction, left ? `You left **${userText(left.name, 50)}**.` : 'You are not in a study group.');
    }
    const groups = studyGroups(ctx.engine, guildId);
    if (groups.length === 0) return respond(interaction, 'No study groups yet. Start one with `/group create`.');
    const lines = groups.map((g) => `• **${userText(g.name, 50)}** · ${g.members} member${g.members === 1 ? '' : 's'}`);
    await respond(interaction, `Study groups:\n${lines.join('\n')}`);
  },

  async autocomplete(interaction, ctx) {
    const typed = interaction.options.getFocused().toLowerCase();
    const groups = interaction.guildId ? studyGroups(ctx.engine, interaction.guildId) : [];
    await interaction.respond(
      groups
        .filter((g) => g.nameKey.includes(typed))
        .slice(0, LIMITS.autocompleteChoices)
        .map((g) => ({ name: truncate(g.name, LIMITS.choiceName), value: g.name })),
    );
  },
} satisfies SlashCommand;
