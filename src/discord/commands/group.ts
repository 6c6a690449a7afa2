import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { cleanGroupName, createGroup, joinGroup, leaveGroup, listGroups, MAX_GROUP_NAME_LENGTH } from '../../db/groups.js';
import { truncate } from '../../format.js';
import type { SlashCommand } from '../command.js';
import { LIMITS } from '../limits.js';
import { replyPrivately } from '../reply.js';
import { userText } from '../safe-text.js';

export const group: SlashCommand = {
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
          .addStringOption((o) => o.setName('name').setDescription('Group name').setRequired(true).setMaxLength(MAX_GROUP_NAME_LENGTH).setAutocomplete(true)),
      )
      .addSubcommand((s) => s.setName('leave').setDescription('Leave your study group'))
      .addSubcommand((s) => s.setName('list').setDescription('All study groups here'))
      .setContexts(InteractionContextType.Guild)
      .toJSON(),

  async execute(interaction, ctx) {
    const guildId = interaction.guildId;
    if (!guildId) return replyPrivately(interaction, 'Study groups live in a server.');
    const { store, clock } = ctx.engine;
    const sub = interaction.options.getSubcommand();
    const rawName = interaction.options.getString('name') ?? '';
    const name = cleanGroupName(rawName);
    const shown = userText(name, MAX_GROUP_NAME_LENGTH);
    if ((sub === 'create' || sub === 'join') && (name === '' || name.length > MAX_GROUP_NAME_LENGTH)) {
      return replyPrivately(interaction, `A group name is 1 to ${MAX_GROUP_NAME_LENGTH} characters.`);
    }
    if (sub === 'create') {
      const created = createGroup(store, { guildId, name, createdBy: interaction.user.id }, clock.now());
      if (!created.ok) {
        return replyPrivately(interaction, created.reason === 'name-taken' ? `There is already a group called **${userText(created.existing.name, 50)}**: \`/group join\` it.` : 'That name cannot be used.');
      }
      return replyPrivately(interaction, `Created **${shown}** and joined it${created.left ? ` (you left ${userText(created.left.name, 50)})` : ''}. Invite others with \`/group join\`.`);
    }
    if (sub === 'join') {
      const joined = joinGroup(store, { guildId, name, personId: interaction.user.id }, clock.now());
      if (!joined.ok) return replyPrivately(interaction, `No group called **${shown}**. See \`/group list\`, or \`/group create\` it.`);
      if (joined.alreadyMember) return replyPrivately(interaction, `You are already in **${userText(joined.group.name, 50)}**.`);
      return replyPrivately(interaction, `You joined **${userText(joined.group.name, 50)}**${joined.left ? ` and left ${userText(joined.left.name, 50)}` : ''}.`);
    }
    if (sub === 'leave') {
      const left = leaveGroup(store, guildId, interaction.user.id);
      return replyPrivately(interaction, left ? `You left **${userText(left.name, 50)}**.` : 'You are not in a study group.');
    }
    const groups = listGroups(store, guildId);
    if (groups.length === 0) return replyPrivately(interaction, 'No study groups yet. Start one with `/group create`.');
    const lines = groups.map((g) => `• **${userText(g.name, 50)}** · ${g.members} member${g.members === 1 ? '' : 's'}`);
    await replyPrivately(interaction, truncate(`Study groups:\n${lines.join('\n')}`, LIMITS.content));
  },

  async autocomplete(interaction, ctx) {
    const typed = interaction.options.getFocused().toLowerCase();
    const groups = interaction.guildId ? listGroups(ctx.engine.store, interaction.guildId) : [];
    await interaction.respond(
      groups
        .filter((g) => g.nameKey.includes(typed))
        .slice(0, LIMITS.autocompleteChoices)
        .map((g) => ({ name: truncate(g.name, LIMITS.choiceName), value: g.name })),
    );
  },
};
