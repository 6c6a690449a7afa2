// Channels and their messages, as the bot reaches them with its token: posting (with Discord's
// enforce_nonce de-duplication), reading, editing, deleting, typing. Guild channels and the bot's
// DM channels alike.
import type { APIChannel } from 'discord.js';
import type { StoredMessage } from '../messages.js';
import { E, noContent, ok, type Router } from '../router.js';
import type { FakeState } from '../state.js';
import type { ChannelRecord, DmChannelRecord } from '../world.js';
import { messageCheck, objectBody } from './checks.js';

/** How long Discord remembers an enforce_nonce. */
const NONCE_WINDOW_MS = 5 * 60_000;

export function channelRoutes(r: Router, s: FakeState): void {
  const w = s.world;

  const channelOr404 = (id: string): ChannelRecord | DmChannelRecord => {
    const dm = w.dmChannels.get(id);
    if (dm) return dm;
    const ch = w.channels.get(id);
    if (!ch || ch.state === 'deleted') throw E.unknownChannel();
    if (ch.state === 'missing-access') throw E.missingAccess();
    return ch;
  };

  const channelObject = (ch: ChannelRecord | DmChannelRecord): APIChannel =>
    ch.guildId === null ? w.dmChannelObject(ch) : w.channelObject(ch);

  const channelMessage = (ch: ChannelRecord | DmChannelRecord, id: string): StoredMessage => {
    const m = s.store.get(id);
    // Ephemeral messages exist only for their recipient; the bot cannot reach them by channel.
    if (!m || m.deleted || m.ephemeral || m.message.channel_id !== ch.id) throw E.unknownMessage();
    return m;
  };

  r.add('GET', '/channels/:channel', (c) => ok(channelObject(channelOr404(c.params.channel ?? ''))));
  r.add('GET', '/channels/:channel/messages', (c) => {
    const ch = channelOr404(c.params.channel ?? '');
    const limit = Math.min(100, Number(c.query.get('limit') ?? 50) || 50);
    const list = s.visibleIn(ch.id).reverse().slice(0, limit);
    return ok(list);
  });
  r.add('POST', '/channels/:channel/messages', (c) => {
    const ch = channelOr404(c.params.channel ?? '');
    const body = objectBody(s, c);
    messageCheck(s, c, body, 'create');
    // As on Discord: with enforce_nonce, a nonce seen in this channel in the last few minutes
    // returns the message created the first time instead of posting again.
    const nonce = typeof body.nonce === 'string' || typeof body.nonce === 'number' ? String(body.nonce) : undefined;
    const nonceKey = nonce !== undefined && body.enforce_nonce === true ? `${ch.id}:${nonce}` : undefined;
    const earlier = nonceKey ? s.nonces.get(nonceKey) : undefined;
    if (earlier && Date.now() - earlier.at < NONCE_WINDOW_MS) {
      const existing = s.store.get(earlier.messageId);
      if (existing) return ok(structuredClone(existing.message));
    }
    const stored = s.store.create({ channelId: ch.id, guildId: ch.guildId, body, files: c.body.files });
    if (nonceKey) s.nonces.set(nonceKey, { messageId: stored.message.id, at: Date.now() });
    s.bumpChannel(ch.id, stored);
    return ok(structuredClone(stored.message));
  });
  r.add('GET', '/channels/:channel/messages/:message', (c) => {
    const ch = channelOr404(c.params.channel ?? '');
    return ok(structuredClone(channelMessage(ch, c.params.message ?? '').message));
  });
  r.add('PATCH', '/channels/:channel/messages/:message', (c) => {
    const ch = channelOr404(c.params.channel ?? '');
    const m = channelMessage(ch, c.params.message ?? '');
    const body = objectBody(s, c);
    messageCheck(s, c, body, 'edit', m.message);
    s.store.edit(m.message.id, body, c.body.files);
    return ok(structuredClone(m.message));
  });
  r.add('DELETE', '/channels/:channel/messages/:message', (c) => {
    const ch = channelOr404(c.params.channel ?? '');
    s.store.delete(channelMessage(ch, c.params.message ?? '').message.id);
    return noContent;
  });
  r.add('POST', '/channels/:channel/typing', (c) => {
    channelOr404(c.params.channel ?? '');
    return noContent;
  });
}
