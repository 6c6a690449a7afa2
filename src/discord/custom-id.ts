import * as z from 'zod';

/**
 * Every button and menu carries what its handler needs in its custom_id, so components keep working
 * after a restart and no collector holds state in memory. Format: `v1:<kind>:<field>:...`, at most
 * 100 characters (Discord's limit). Anything that does not parse is answered as stale or forged.
 */
export const CUSTOM_ID_VERSION = 'v1';
export const CUSTOM_ID_MAX = 100;

const sessionId = z.string().regex(/^[A-Za-z0-9_-]{6,24}$/);
const step = z.coerce.number().int().min(0).max(999);
const letter = z.string().regex(/^[A-H]$/);
const letters = z.string().regex(/^[A-H]{0,8}$/);
/** A section's short reference (section-ref.ts): section ids can be longer than a custom id. */
const sectionRef = z.string().regex(/^[0-9a-z]{7}$/);
const postId = z.coerce.number().int().positive();
const task = z.string().regex(/^\d+\.\d+$/);

const kinds = {
  /** Quiz: answer a single-answer question. */
  qa: z.tuple([sessionId, step, letter]),
  /** Quiz: toggle a choice of a multiple-response question; the current selection rides along. */
  qt: z.tuple([sessionId, step, letters, letter]),
  /** Quiz: submit the selection of a multiple-response question. */
  qs: z.tuple([sessionId, step, letters]),
  /** Quiz: go on to the next question. */
  qn: z.tuple([sessionId, step]),
  /** Quiz summary: replay the questions missed in this quiz. */
  qr: z.tuple([sessionId]),
  /** Quiz summary: a new quiz picked for you. */
  qw: z.tuple([]),
  /** Show a note section privately. */
  rn: z.tuple([sectionRef]),
  /** Lookup: pick another hit from the menu (1 = the answer was shared in the channel). */
  ls: z.tuple([z.enum(['0', '1'])]),
  /** Exam: choose (or toggle, for multiple response) a letter at a position. */
  ea: z.tuple([sessionId, step, letter]),
  /** Exam: move to a position. */
  en: z.tuple([sessionId, step]),
  /** Exam: ask to submit from a position (shows how many are unanswered; "back" returns there). */
  es: z.tuple([sessionId, step]),
  /** Exam: submit for scoring, confirmed. */
  ey: z.tuple([sessionId]),
  /** Exam result: the n-th wrong answer (-1 = back to the result). */
  er: z.tuple([sessionId, z.coerce.number().int().min(-1).max(999)]),
  /** Daily question: answer. */
  da: z.tuple([postId, letter]),
  /** Start a quiz on one weak section. */
  wq: z.tuple([sectionRef]),
  /** Start a quiz on one task of the person's exam (weak spots, the weekly digest). */
  wt: z.tuple([task]),
} as const;

export type CustomIdKind = keyof typeof kinds;
export type CustomIdFields<K extends CustomIdKind> = z.infer<(typeof kinds)[K]>;
export type ParsedCustomId = { [K in CustomIdKind]: { kind: K; fields: CustomIdFields<K> } }[CustomIdKind];

export function encodeCustomId<K extends CustomIdKind>(kind: K, ...fields: CustomIdFields<K>): string {
  const id = [CUSTOM_ID_VERSION, kind, ...fields.map(String)].join(':');
  // Fields come from our own store and content, so an over-long id is a bug, not user input. That every
  // kind round-trips through decodeCustomId is held by the tests, not checked on every button built.
  if (id.length > CUSTOM_ID_MAX) throw new Error(`custom_id over ${CUSTOM_ID_MAX} characters: ${id}`);
  return id;
}

/** Parses and validates a custom_id; undefined for anything forged, stale or from another version. */
export function decodeCustomId(id: string): ParsedCustomId | undefined {
  if (id.length > CUSTOM_ID_MAX) return undefined;
  const [version, kind, ...fields] = id.split(':');
  if (version !== CUSTOM_ID_VERSION || !kind || !Object.hasOwn(kinds, kind)) return undefined;
  const parsed = kinds[kind as CustomIdKind].safeParse(fields);
  return parsed.success ? ({ kind, fields: parsed.data } as ParsedCustomId) : undefined;
}
