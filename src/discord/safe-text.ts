import { escapeMarkdown } from 'discord.js';

/** Nobody can be pinged by what the bot sends: set on the client and on every message. */
export const NO_MENTIONS = { parse: [] as never[], repliedUser: false };

/**
 * Text a member typed (a query, a group name), made safe to show: markdown escaped and mentions
 * broken with a zero-width space, so "@everyone" reads as text even where allowedMentions would not apply.
 */
export function userText(text: string, max = 200): string {
  const cut = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return escapeMarkdown(cut)
    .replace(/@(everyone|here)/gi, '@\u200b$1')
    .replace(/<([@#][!&]?\d+)>/g, '<\u200b$1>');
}
