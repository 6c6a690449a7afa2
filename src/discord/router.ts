import { randomBytes } from 'node:crypto';
import type { Interaction } from 'discord.js';
import type { ComponentInteraction } from './command.js';
import type { BotContext } from './context.js';
import { decodeCustomId, type ParsedCustomId } from './custom-id.js';
import { commandsByName, componentHandlers } from './registry.js';
import { replyPrivately } from './reply.js';

type Handler = (interaction: ComponentInteraction, fields: unknown, ctx: BotContext) => Promise<void>;

/**
 * Routes every interaction to its handler. Unknown or forged component ids get a short private
 * explanation; any error gets a private "something went wrong (ref …)" and a log line with that ref.
 */
export function createRouter(ctx: BotContext): (interaction: Interaction) => Promise<void> {
  const commands = commandsByName(ctx.engine.content);
  const handlers = componentHandlers as Record<ParsedCustomId['kind'], Handler | undefined>;

  return async (interaction) => {
    const started = Date.now();
    try {
      if (interaction.isChatInputCommand()) {
        const command = commands.get(interaction.commandName);
        if (!command) return await replyPrivately(interaction, 'This command is not part of the bot any more.');
        if (command.rateLimited) {
          const wait = ctx.limiter.take(interaction.user.id);
          if (wait > 0) return await replyPrivately(interaction, `Easy there: you can do that again in ${wait} s. Meanwhile, reread your last answer's notes.`);
        }
        await command.execute(interaction, ctx);
      } else if (interaction.isAutocomplete()) {
        const command = commands.get(interaction.commandName);
        await (command?.autocomplete ? command.autocomplete(interaction, ctx) : interaction.respond([]));
      } else if (interaction.isButton() || interaction.isStringSelectMenu()) {
        const parsed = decodeCustomId(interaction.customId);
        const handler = parsed && handlers[parsed.kind];
        if (!parsed || !handler) {
          ctx.log.warn({ customId: interaction.customId.slice(0, 120), user: interaction.user.id }, 'unknown or forged custom id');
          return await replyPrivately(interaction, 'This button is out of date or not one of ours, so nothing changed. Run the command again.');
        }
        await handler(interaction, parsed.fields, ctx);
      }
      ctx.log.debug({ id: interaction.id, type: interaction.type, ms: Date.now() - started }, 'interaction handled');
    } catch (error) {
      const ref = randomBytes(4).toString('hex');
      ctx.log.error({ err: error, ref, id: interaction.id, type: interaction.type, user: interaction.user.id }, 'interaction failed');
      if (!interaction.isRepliable()) return;
      await replyPrivately(interaction, `Something went wrong on our side (ref \`${ref}\`). Nothing you did was lost; please try again.`).catch((e: unknown) =>
        ctx.log.warn({ err: e, ref }, 'could not tell the user about the error'),
      );
    }
  };
}

