// Every message the bot made, in Discord's shape, with the bits Discord keeps that a channel
// listing does not show (ephemeral recipient, the interaction it answers, deletion).
import type { APIAttachment, APIEmbed, APIMessage, APIMessageInteractionMetadata, APIMessageTopLevelComponent, APIUser } from 'discord.js';
import { isObject, MESSAGE_FLAG_COMPONENTS_V2, MESSAGE_FLAG_EPHEMERAL, MESSAGE_FLAG_LOADING } from './validate.js';
import type { UploadedFile } from './http.js';
import type { Json, JsonObject } from './types.js';

const SUPPRESS_EMBEDS = 1 << 2;
const SUPPRESS_NOTIFICATIONS = 1 << 12;
const CREATE_FLAGS = SUPPRESS_EMBEDS | MESSAGE_FLAG_EPHEMERAL | SUPPRESS_NOTIFICATIONS | MESSAGE_FLAG_COMPONENTS_V2;

export interface StoredMessage {
  message: APIMessage;
  guildId: string | null;
  ephemeral: boolean;
  /** For ephemeral messages, the one user who sees (and can click) it. */
  visibleTo: string | null;
  interactionId: string | null;
  deleted: boolean;
}

export interface CreateInput {
  channelId: string;
  guildId: string | null;
  body: JsonObject;
  files: UploadedFile[];
  /** Set for interaction responses: makes the message a webhook message tied to the interaction. */
  interaction?: { metadata: APIMessageInteractionMetadata; userId: string; messageType: number };
  /** A deferred (type 5) response: "Bot is thinking...". */
  loading?: boolean;
}

export class MessageStore {
  private readonly byId = new Map<string, StoredMessage>();
  private readonly order: string[] = [];
  private readonly attachments = new Map<string, Buffer>();
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly author: APIUser,
    private readonly applicationId: string,
    private readonly makeId: () => string,
    private readonly now: () => number,
    private readonly baseUrl: () => string,
  ) {}

  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private changed(): void {
    for (const fn of [...this.listeners]) fn();
  }

  get(id: string): StoredMessage | undefined {
    return this.byId.get(id);
  }

  all(): StoredMessage[] {
    return this.order.map((id) => this.byId.get(id)).filter((m): m is StoredMessage => m !== undefined);
  }

  attachmentData(id: string): Buffer | undefined {
    return this.attachments.get(id);
  }

  create(input: CreateInput): StoredMessage {
    const { body } = input;
    let flags = (typeof body.flags === 'number' ? body.flags : 0) & CREATE_FLAGS;
    if (!input.interaction) flags &= ~MESSAGE_FLAG_EPHEMERAL; // only interaction responses can be ephemeral
    if (input.loading) flags |= MESSAGE_FLAG_LOADING;
    const message: APIMessage = {
      id: this.makeId(),
      type: input.interaction?.messageType ?? 0,
      channel_id: input.channelId,
      author: { ...this.author },
      content: '',
      timestamp: new Date(this.now()).toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      flags,
    };
    if (input.interaction) {
      message.webhook_id = this.applicationId;
      message.application_id = this.applicationId;
      message.interaction_metadata = input.interaction.metadata;
    }
    this.apply(message, body, input.files, true);
    const stored: StoredMessage = {
      message,
      guildId: input.guildId,
      ephemeral: (flags & MESSAGE_FLAG_EPHEMERAL) !== 0,
      visibleTo: (flags & MESSAGE_FLAG_EPHEMERAL) !== 0 ? (input.interaction?.userId ?? null) : null,
      interactionId: input.interaction?.metadata.id ?? null,
      deleted: false,
    };
    this.byId.set(message.id, stored);
    this.order.push(message.id);
    this.changed();
    return stored;
  }

  /** Applies a PATCH body (only the fields present change), as Discord does. */
  edit(id: string, body: JsonObject, files: UploadedFile[]): StoredMessage {
    const stored = this.byId.get(id);
    if (!stored) throw new Error(`fake-discord: no message ${id}`);
    const m = stored.message;
    const wasLoading = ((m.flags ?? 0) & MESSAGE_FLAG_LOADING) !== 0;
    this.apply(m, body, files, false);
    if (typeof body.flags === 'number') {
      // Only SUPPRESS_EMBEDS can be toggled (and V2 switched on) on an existing message.
      const keep = (m.flags ?? 0) & ~(SUPPRESS_EMBEDS | MESSAGE_FLAG_COMPONENTS_V2);
      m.flags = keep | (body.flags & (SUPPRESS_EMBEDS | MESSAGE_FLAG_COMPONENTS_V2));
    }
    m.flags = (m.flags ?? 0) & ~MESSAGE_FLAG_LOADING;
    // Filling in a deferred response is not an "edit" in the client's eyes.
    if (!wasLoading) m.edited_timestamp = new Date(this.now()).toISOString();
    this.changed();
    return stored;
  }

  delete(id: string): void {
    const stored = this.byId.get(id);
    if (stored && !stored.deleted) {
      stored.deleted = true;
      this.changed();
    }
  }

  private apply(m: APIMessage, body: JsonObject, files: UploadedFile[], creating: boolean): void {
    if ('content' in body) m.content = typeof body.content === 'string' ? body.content : '';
    if ('embeds' in body) {
      const embeds = Array.isArray(body.embeds) ? body.embeds.filter(isObject) : [];
      // Validated by checkEmbeds before we get here; Discord fills in type "rich".
      m.embeds = embeds.map((e) => ({ type: 'rich', ...e }) as APIEmbed);
    }
    if ('components' in body) {
      const comps = Array.isArray(body.components) ? body.components.filter(isObject) : [];
      m.components = structuredClone(comps) as unknown as APIMessageTopLevelComponent[];
    }
    m.attachments = this.applyAttachments(creating ? [] : m.attachments, body.attachments, files);
  }

  private applyAttachments(existing: APIAttachment[], spec: Json | undefined, files: UploadedFile[]): APIAttachment[] {
    const specs = Array.isArray(spec) ? spec.filter(isObject) : null;
    const kept = specs === null ? existing : existing.filter((a) => specs.some((s) => String(s.id) === a.id));
    const added = files.map((f, index) => {
      // payload_json.attachments[{id: n}] names files[n]; its filename/description win over the upload's.
      const match = specs?.find((s) => String(s.id) === String(index) || f.field === `files[${String(s.id)}]`);
      const id = this.makeId();
      const filename = typeof match?.filename === 'string' ? match.filename : f.filename;
      this.attachments.set(id, f.data);
      const a: APIAttachment = {
        id,
        filename,
        size: f.data.length,
        url: `${this.baseUrl()}/attachments/${id}/${encodeURIComponent(filename)}`,
        proxy_url: `${this.baseUrl()}/attachments/${id}/${encodeURIComponent(filename)}`,
        content_type: f.contentType || 'application/octet-stream',
      };
      if (typeof match?.description === 'string') a.description = match.description;
      return a;
    });
    return [...kept, ...added];
  }
}
