// What the gallery keeps of a scenario: each step's caption and the messages a person sees then,
// copied out of the fake Discord at that moment, with the bot's clock for relative times.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { APIMessage } from 'discord.js';
import type { Harness } from '../../tests/e2e/harness.js';

/** One message as one person sees it. */
export interface SeenMessage {
  message: APIMessage;
  /** Username of the only person who sees it (ephemeral), or null when the whole channel does. */
  onlyFor: string | null;
  /** The slash command that created the message ("/lookup query: pipe mode"), when one did. */
  command: string | null;
  /** Show select menus opened, with their options listed. */
  openMenus: boolean;
  /** Image attachments as data: URLs, by attachment id (the fake keeps the bytes the bot uploaded). */
  images: Record<string, string>;
}

const IMAGE_TYPES = /^image\/(png|jpeg|gif|webp)$/;
const MAX_IMAGE_BYTES = 4 * 1024 * 1024;

export interface Shot {
  caption: string;
  /** What the person did, in words ("alice presses B"). */
  action: string;
  messages: SeenMessage[];
  /** The bot's clock (ms) when the shot was taken: <t:…:R> is drawn relative to it. */
  now: number;
  /** A remark of the gallery's own (a bot bug, a step that could not be done). */
  remark?: string;
}

export interface ScenarioRecord {
  id: string;
  title: string;
  shots: Shot[];
  /** Set when the scenario stopped early: what went wrong. */
  error?: string;
}

export interface Gallery {
  generatedAt: string;
  users: Record<string, string>;
  channels: Record<string, string>;
  scenarios: ScenarioRecord[];
}

/** The bot's clock as the test clock file makes it: the written instant, running on from the file's last write. */
export function botNow(h: Harness): number {
  const file = join(dirname(h.dbPath), 'clock');
  const written = Date.parse(readFileSync(file, 'utf8').trim());
  return written + Math.max(0, Date.now() - statSync(file).mtimeMs);
}

export interface ShotOptions {
  action?: string;
  remark?: string;
  openMenus?: boolean;
  /** Slash commands by the interaction id that created a message, for the "used /x" line. */
  commands?: ReadonlyMap<string, string>;
}

function imagesOf(h: Harness, message: APIMessage): Record<string, string> {
  const images: Record<string, string> = {};
  for (const a of message.attachments ?? []) {
    const data = h.fake.attachmentData(a.id);
    if (data && IMAGE_TYPES.test(a.content_type ?? '') && data.length <= MAX_IMAGE_BYTES)
      images[a.id] = `data:${a.content_type};base64,${data.toString('base64')}`;
  }
  return images;
}

/** Collects the shots of one scenario. */
export class Recorder {
  readonly record: ScenarioRecord;

  constructor(
    private readonly h: () => Harness,
    private readonly users: Record<string, string>,
    id: string,
    title: string,
    /** Slash commands by interaction id, filled by the scenario actions. */
    private readonly commands: ReadonlyMap<string, string>,
  ) {
    this.record = { id, title, shots: [] };
  }

  /** Records the messages as they are now (a copy: later edits do not change the shot). */
  shot(caption: string, messages: APIMessage | ReadonlyArray<APIMessage | undefined> | undefined, options: ShotOptions = {}): void {
    const list = (Array.isArray(messages) ? messages : [messages]).filter((m): m is APIMessage => m !== undefined);
    const harness = this.h();
    this.record.shots.push({
      caption,
      action: options.action ?? '',
      now: botNow(harness),
      ...(options.remark ? { remark: options.remark } : {}),
      messages: list.map((m) => {
        const current = harness.fake.messageById(m.id) ?? m;
        const ephemeral = ((current.flags ?? 0) & 64) !== 0;
        const viewer = current.interaction_metadata?.user.id;
        return {
          message: structuredClone(current),
          onlyFor: ephemeral ? (this.users[viewer ?? ''] ?? viewer ?? 'you') : null,
          command: (current.interaction_metadata && this.commands.get(current.interaction_metadata.id)) ?? null,
          openMenus: options.openMenus ?? false,
          images: imagesOf(harness, current),
        };
      }),
    });
  }

  /** A remark without a message: what the gallery could not show, and why. */
  remark(caption: string, text: string): void {
    this.record.shots.push({ caption, action: '', now: botNow(this.h()), messages: [], remark: text });
  }
}
