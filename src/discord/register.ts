import { type REST, Routes } from 'discord.js';
import type { Content } from '../study/index.js';
import { commandBodies } from './registry.js';

/**
 * Replaces the bot's commands with the current set: in one guild when given (updates at once, for
 * development), otherwise globally (Discord propagates those within about an hour).
 */
export async function registerCommands(rest: REST, applicationId: string, content: Content, guildId?: string): Promise<number> {
  const body = commandBodies(content);
  const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
  await rest.put(route, { body });
  return body.length;
}
