// Answering interactions: the initial callback (POST /interactions/:id/:token/callback) and the
// interaction webhook (follow-ups, @original), with Discord's rules on order and token lifetime.
import type {
  APIApplicationCommandOptionChoice,
  APIMessageInteractionMetadata,
  APIModalInteractionResponseCallbackData,
  RESTPostAPIInteractionCallbackWithResponseResult,
} from 'discord.js';
import type { InteractionRecord } from '../interactions.js';
import type { StoredMessage } from '../messages.js';
import { E, HttpError, noContent, ok, type Ctx, type Reply, type Router } from '../router.js';
import type { FakeState } from '../state.js';
import {
  checkAutocompleteChoices,
  checkMessageBody,
  checkModal,
  formBodyError,
  isObject,
  MESSAGE_FLAG_EPHEMERAL,
  MESSAGE_FLAG_LOADING,
} from '../validate.js';
import type { CallbackRecord, InteractionKind, JsonObject } from '../types.js';
import { enforce, messageCheck, objectBody, requireApp, wouldBeEmpty } from './checks.js';

const TOKEN_LIFETIME_MS = 15 * 60_000;

/** Callback types Discord accepts per interaction kind. */
const ALLOWED_CALLBACKS: Record<InteractionKind, number[]> = { command: [4, 5, 9], component: [4, 5, 6, 7, 9], autocomplete: [8] };

export function interactionRoutes(r: Router, s: FakeState): void {
  // Interaction responses: no Authorization header, as on Discord.
  r.add('POST', '/interactions/:id/:token/callback', (c) => callback(s, c), false);

  // Interaction webhooks (follow-ups, @original).
  r.add(
    'POST',
    '/webhooks/:app/:token',
    (c) => {
      const rec = webhookInteraction(s, c);
      const body = objectBody(s, c);
      messageCheck(s, c, body, 'create');
      const original = rec.originalMessageId !== null ? s.store.get(rec.originalMessageId) : undefined;
      if (original && !original.deleted && ((original.message.flags ?? 0) & MESSAGE_FLAG_LOADING) !== 0) {
        // Discord fills a deferred "thinking" message with the first follow-up (keeping its
        // ephemeral flag) instead of posting a second message.
        const fill: JsonObject = { ...body };
        delete fill.flags;
        s.store.edit(original.message.id, fill, c.body.files);
        rec.followUpIds.push(original.message.id);
        rec.touch(original.message.id);
        return c.query.get('wait') === 'true' ? ok(structuredClone(original.message)) : noContent;
      }
      const stored = s.store.create({
        channelId: rec.channelId,
        guildId: rec.guildId,
        body,
        files: c.body.files,
        interaction: interactionMeta(s, rec),
      });
      rec.followUpIds.push(stored.message.id);
      rec.touch(stored.message.id);
      s.bumpChannel(rec.channelId, stored);
      return c.query.get('wait') === 'true' ? ok(structuredClone(stored.message)) : noContent;
    },
    false,
  );
  r.add(
    'GET',
    '/webhooks/:app/:token/messages/:message',
    (c) => {
      const rec = webhookInteraction(s, c);
      return ok(structuredClone(webhookMessage(s, rec, c.params.message ?? '').message));
    },
    false,
  );
  r.add(
    'PATCH',
    '/webhooks/:app/:token/messages/:message',
    (c) => {
      const rec = webhookInteraction(s, c);
      const target = webhookMessage(s, rec, c.params.message ?? '');
      const body = objectBody(s, c);
      messageCheck(s, c, body, 'edit', target.message);
      s.store.edit(target.message.id, body, c.body.files);
      rec.touch(target.message.id);
      return ok(structuredClone(target.message));
    },
    false,
  );
  r.add(
    'DELETE',
    '/webhooks/:app/:token/messages/:message',
    (c) => {
      const rec = webhookInteraction(s, c);
      const target = webhookMessage(s, rec, c.params.message ?? '');
      s.store.delete(target.message.id);
      rec.touch(null);
      return noContent;
    },
    false,
  );
}

/** The interaction_metadata Discord puts on the messages an interaction creates. */
function interactionMeta(
  s: FakeState,
  rec: InteractionRecord,
): { metadata: APIMessageInteractionMetadata; userId: string; messageType: number } {
  const user = s.world.user(rec.userId);
  // Guild: the guild that installed the app; the bot's DM: the user (as for a user install).
  const owners = rec.guildId === null ? { '1': rec.userId } : { '0': rec.guildId };
  const metadata: APIMessageInteractionMetadata =
    rec.kind === 'component' && rec.sourceMessageId !== null
      ? { id: rec.id, type: 3, user, authorizing_integration_owners: owners, interacted_message_id: rec.sourceMessageId }
      : { id: rec.id, type: 2, user, authorizing_integration_owners: owners };
  // Command responses are CHAT_INPUT_COMMAND (20) messages; component responses are plain.
  return { metadata, userId: rec.userId, messageType: rec.kind === 'command' ? 20 : 0 };
}

function callback(s: FakeState, c: Ctx): Reply {
  const rec = s.interactions.get(c.params.id ?? '');
  if (!rec || rec.token !== c.params.token) {
    s.violate('unknown-interaction', `callback for unknown interaction ${c.params.id ?? ''} or wrong token`, c.route);
    throw E.unknownInteraction();
  }
  // Past the 3 s window Discord has dropped the interaction (the timer recorded the violation).
  if (rec.expired) throw E.unknownInteraction();
  if (rec.acked) {
    s.violate(
      'single-ack',
      `second initial response to ${rec.kind} ${JSON.stringify(rec.name)} (${rec.id}); use editReply/followUp`,
      c.route,
    );
    throw E.alreadyAcked();
  }
  const body = objectBody(s, c);
  const type = body.type;
  const allowed = ALLOWED_CALLBACKS[rec.kind];
  if (typeof type !== 'number' || !allowed.includes(type)) {
    s.violate(
      'callback-type',
      `callback type ${JSON.stringify(type)} is not valid for a ${rec.kind} interaction (allowed: ${allowed.join(', ')})`,
      c.route,
    );
    throw new HttpError(
      400,
      formBodyError([{ rule: 'callback-type', path: ['type'], message: 'Value is not a valid interaction callback type', hard: true }]),
    );
  }
  const data = isObject(body.data) ? body.data : null;
  const fileCount = c.body.files.length;
  const source = rec.sourceMessageId !== null ? s.store.get(rec.sourceMessageId) : undefined;
  if ((type === 6 || type === 7) && (!source || source.deleted)) throw E.unknownMessage();
  switch (type) {
    case 4:
      enforce(s, checkMessageBody(data ?? {}, { mode: 'create', fileCount, prefix: ['data'] }), c.route);
      break;
    case 7: {
      const problems = checkMessageBody(data ?? {}, { mode: 'edit', fileCount, prefix: ['data'] });
      if (source && wouldBeEmpty(source.message, data ?? {}, fileCount)) {
        problems.push({ rule: 'empty-message', path: ['data'], message: 'the update leaves an empty message', hard: true });
      }
      enforce(s, problems, c.route);
      break;
    }
    case 8:
      enforce(s, checkAutocompleteChoices(body.data, rec.focusedType), c.route);
      break;
    case 9:
      enforce(s, checkModal(body.data), c.route);
      break;
    default:
      break;
  }

  // Accepted: this is the acknowledgement.
  if (rec.timer) clearTimeout(rec.timer);
  rec.timer = null;
  const at = Date.now();
  const record: CallbackRecord = { type, data: data ? structuredClone<JsonObject>(data) : null, at, elapsedMs: at - rec.dispatchedAt };
  let message: StoredMessage | undefined;
  if (type === 4 || type === 5) {
    const msgBody: JsonObject =
      type === 4 ? (data ?? {}) : { flags: typeof data?.flags === 'number' ? data.flags & MESSAGE_FLAG_EPHEMERAL : 0 };
    message = s.store.create({
      channelId: rec.channelId,
      guildId: rec.guildId,
      body: msgBody,
      files: type === 4 ? c.body.files : [],
      interaction: interactionMeta(s, rec),
      loading: type === 5,
    });
    rec.originalMessageId = message.message.id;
    rec.touch(message.message.id);
    s.bumpChannel(rec.channelId, message);
  } else if ((type === 6 || type === 7) && source) {
    // For component interactions @original is the message the component is on.
    rec.originalMessageId = source.message.id;
    if (type === 7) {
      s.store.edit(source.message.id, data ?? {}, c.body.files);
      rec.touch(source.message.id);
    } else rec.lastMessageId = source.message.id;
    message = source;
  } else if (type === 8 && data && Array.isArray(data.choices)) {
    record.choices = structuredClone(data.choices) as unknown as APIApplicationCommandOptionChoice[];
  } else if (type === 9 && data) {
    record.modal = structuredClone(data) as unknown as APIModalInteractionResponseCallbackData;
  }
  if (message) record.message = structuredClone(message.message);
  rec.callbacks.push(record);
  if (rec.callbacks.length === 1) for (const listener of s.ackListeners) listener(rec.kind, rec.userId);
  rec.activityAtAck = rec.activity;

  if (c.query.get('with_response') !== 'true') return noContent;
  const result: RESTPostAPIInteractionCallbackWithResponseResult = {
    interaction: { id: rec.id, type: rec.payload.type },
  };
  if (message && (type === 4 || type === 5)) {
    result.interaction.response_message_id = message.message.id;
    result.interaction.response_message_loading = type === 5;
    result.interaction.response_message_ephemeral = message.ephemeral;
  }
  if (type === 4 || type === 5 || type === 7) {
    result.resource = message ? { type, message: structuredClone(message.message) } : { type };
  } else result.resource = { type: type as 6 | 8 | 9 };
  return ok(result);
}

/** The interaction behind a webhook token, checking the rules for follow-ups. */
function webhookInteraction(s: FakeState, c: Ctx): InteractionRecord {
  requireApp(s, c);
  const rec = s.byToken.get(c.params.token ?? '');
  if (!rec) {
    s.violate('unknown-interaction', `webhook call with a token that belongs to no interaction`, c.route);
    throw E.unknownWebhook();
  }
  if (!rec.acked) {
    s.violate(
      'ack-before-webhook',
      `${c.method} on the webhook of ${rec.kind} ${JSON.stringify(rec.name)} (${rec.id}) before any initial response`,
      c.route,
    );
    throw E.unknownWebhook();
  }
  if (s.now() - rec.createdAt > TOKEN_LIFETIME_MS) {
    s.violate(
      'followup-within-15min',
      `${c.method} on the webhook of ${rec.kind} ${JSON.stringify(rec.name)} (${rec.id}) after its token expired (15 min)`,
      c.route,
    );
    throw E.invalidWebhookToken();
  }
  return rec;
}

function webhookMessage(s: FakeState, rec: InteractionRecord, id: string): StoredMessage {
  const target = id === '@original' ? rec.originalMessageId : id;
  if (target === null) throw E.unknownMessage();
  // A webhook token reaches its own responses (and, after 6/7, the component's message).
  if (target !== rec.originalMessageId && !rec.followUpIds.includes(target)) throw E.unknownMessage();
  const m = s.store.get(target);
  if (!m || m.deleted) throw E.unknownMessage();
  return m;
}
