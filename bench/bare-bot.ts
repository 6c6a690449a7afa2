// The same-run baseline of the `interactions` bench: a bare discord.js bot with the real bot's client
// options (Guilds intent only, no mentions, DISCORD_API_BASE) that answers every interaction with one
// fixed payload and does nothing else: an ephemeral reply to commands, an update to buttons and menus,
// no choices to autocomplete. Started by bench/interactions.ts as its own process; not part of the bot.
//
// Env: DISCORD_TOKEN, DISCORD_API_BASE, BARE_BOT_REPLY (the payload as JSON: content and components).
// Prints {"msg":"ready"} once connected, and errors with the token and interaction tokens scrubbed.
import { Client, disableValidators, Events, GatewayIntentBits, MessageFlags, type InteractionReplyOptions } from 'discord.js';

const token = process.env.DISCORD_TOKEN ?? '';
const api = process.env.DISCORD_API_BASE ?? '';
if (!token || !api || !process.env.BARE_BOT_REPLY) {
  process.stderr.write('bare-bot: set DISCORD_TOKEN, DISCORD_API_BASE and BARE_BOT_REPLY\n');
  process.exit(2);
}
// House rule: no reply ever pings anyone, whatever the payload holds.
const NO_MENTIONS = { parse: [], repliedUser: false };
const payload = JSON.parse(process.env.BARE_BOT_REPLY) as Pick<InteractionReplyOptions, 'content' | 'components'>;

// Never print the bot token, nor an interaction token (it rides in webhook and callback URLs).
const scrub = (text: string): string =>
  text
    .split(token)
    .join('[redacted]')
    .replace(/(\/(?:interactions|webhooks)\/\d+\/)[^/?#\s"']+/g, '$1:token');
const report = (what: string, error: unknown): void => {
  process.stdout.write(
    `${JSON.stringify({ msg: what, error: scrub(error instanceof Error ? `${error.name}: ${error.message}` : String(error)) })}\n`,
  );
};

// As the real bot: plain payloads, no builder re-validation at run time.
disableValidators();
const client = new Client({ intents: [GatewayIntentBits.Guilds], allowedMentions: NO_MENTIONS, rest: { api } });

client.on(Events.InteractionCreate, (interaction) => {
  let answered: Promise<unknown>;
  if (interaction.isMessageComponent()) answered = interaction.update({ ...payload, allowedMentions: NO_MENTIONS });
  else if (interaction.isAutocomplete()) answered = interaction.respond([]);
  else answered = interaction.reply({ ...payload, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  answered.catch((error: unknown) => report('interaction failed', error));
});
client.on(Events.Error, (error) => report('discord client error', error));
client.once(Events.ClientReady, (ready) => process.stdout.write(`${JSON.stringify({ msg: 'ready', guilds: ready.guilds.cache.size })}\n`));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void client.destroy().finally(() => process.exit(0));
  });
}

try {
  await client.login(token);
} catch (error) {
  report('login failed', error);
  process.exit(1);
}
