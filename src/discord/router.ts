import { randomBytes } from 'node:crypto';
import type { Interaction } from 'discord.js';
import { isStoreFailure } from '../study/index.js';
import type { ComponentInteraction } from './command.js';
import type { BotContext } from './context.js';
import { decodeCustomId, type CustomIdKind, type ParsedCustomId } from './custom-id.js';
import { describeDiscordError } from './discord-error.js';
import { commandsByName, componentHandlers } from './registry.js';
import { respond } from './respond.js';

type Handler = (interaction: ComponentInteraction, fields: unknown, ctx: BotContext) => Promise<void>;

/** Components that only read (show a note, pick another lookup hit): they work while the store cannot be written. */
const READ_ONLY_COMPONENTS: ReadonlySet<CustomIdKind> = new Set(['rn', 'ls']);

const NOT_SAVED = (ref: string) =>
  `Not saved: the tutor cannot write its database right now, so your answer was not recorded (ref \`${ref}\`). Please try again in a few minutes.`;

/**
 * Routes every interaction to its handler. Unknown or forged component ids get a short private
 * explanation; any error gets a private message with a ref and a log line with that ref. While the
 * database cannot be written, anything that would write is refused up front instead of half done.
 */
export function createRouter(ctx: BotContext): (interaction: Interaction) => Promise<void> {
  const commands = commandsByName(ctx.engine.content);
  const handlers = componentHandlers as Record<ParsedCustomId['kind'], Handler | undefined>;
  const newRef = () => randomBytes(4).toString('hex');

  const refuseIfStoreDown = async (interaction: Interaction & { isRepliable(): boolean }): Promise<boolean> => {
    const state = ctx.storeHealth();
    if (state.ok || !interaction.isRepliable()) return false;
    const ref = newRef();
    ctx.log.error(
      { ref, id: interaction.id, user: interaction.user.id, reason: state.reason },
      'interaction refused: database not writable',
    );
    await respond(interaction, NOT_SAVED(ref));
    return true;
  };

  return async (interaction) => {
    const started = Date.now();
    try {
      if (interaction.isChatInputCommand()) {
        const command = commands.get(interaction.commandName);
        if (!command) return await respond(interaction, 'This command is not part of the bot any more.');
        if (!command.readOnly && (await refuseIfStoreDown(interaction))) return;
        if (command.rateLimited) {
          const wait = ctx.limiter.take(interaction.user.id);
          if (wait > 0)
            return await respond(interaction, `Easy there: you can do that again ${wait >= 50 ? 'in a minute' : `in ${wait} seconds`}.`);
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
          return await respond(interaction, 'This button is out of date, so nothing changed. Run the command again, for example `/quiz`.');
        }
        if (!READ_ONLY_COMPONENTS.has(parsed.kind) && (await refuseIfStoreDown(interaction))) return;
        await handler(interaction, parsed.fields, ctx);
      }
      ctx.log.debug({ id: interaction.id, type: interaction.type, ms: Date.now() - started }, 'interaction handled');
    } catch (error) {
      const ref = newRef();
      const storage = isStoreFailure(error);
      if (storage) ctx.storeFailed(error);
      ctx.log.error(
        {
          ref,
          id: interaction.id,
          type: interaction.type,
          user: interaction.user.id,
          error: describeDiscordError(error),
          ...(error instanceof Error ? { stack: error.stack } : {}),
        },
        storage ? 'interaction failed: database write failed' : 'interaction failed',
      );
      if (!interaction.isRepliable()) return;
      const words = storage
        ? NOT_SAVED(ref)
        : `Something went wrong on our side (ref \`${ref}\`), so that may not have been saved. Please try again.`;
      await respond(interaction, words).catch((e: unknown) =>
        ctx.log.warn({ ref, error: describeDiscordError(e) }, 'could not tell the user about the error'),
      );
    }
  };
}
