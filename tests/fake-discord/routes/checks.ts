// Request checks shared by the route files. Each records a violation for what it finds and, when
// Discord would refuse the request, throws Discord's error.
import type { APIMessage } from 'discord.js';
import { E, HttpError, type Ctx } from '../router.js';
import type { FakeState } from '../state.js';
import { checkMessageBody, describe, formBodyError, isEmptyMessage, isObject, type Problem } from '../validate.js';
import type { JsonObject } from '../types.js';

/** Records every problem; if any is one Discord rejects, answers with Discord's error. */
export function enforce(s: FakeState, problems: Problem[], route: string): void {
  for (const p of problems) s.violate(p.rule, describe(p), route);
  const hard = problems.filter((p) => p.hard);
  if (hard.length > 0) throw new HttpError(400, formBodyError(hard));
}

export function objectBody(s: FakeState, c: Ctx): JsonObject {
  const v = c.body.value;
  if (!isObject(v)) {
    s.violate('invalid-body', `expected a JSON object body, got ${c.body.kind === 'none' ? 'no body' : JSON.stringify(v)}`, c.route);
    throw E.invalidFormBody();
  }
  return v;
}

/** The :app in the path must be this bot's application. */
export function requireApp(s: FakeState, c: Ctx): void {
  if (c.params.app !== s.opts.applicationId) {
    s.violate('auth', `application id ${c.params.app ?? ''} is not this bot's (${s.opts.applicationId})`, c.route);
    throw E.missingAccess();
  }
}

/** A message create or edit body, including "the edit leaves nothing to show". */
export function messageCheck(s: FakeState, c: Ctx, body: JsonObject, mode: 'create' | 'edit', existing?: APIMessage): void {
  const problems = checkMessageBody(body, { mode, fileCount: c.body.files.length });
  if (mode === 'edit' && existing && wouldBeEmpty(existing, body, c.body.files.length)) {
    problems.push({ rule: 'empty-message', path: [], message: 'the edit leaves an empty message', hard: true });
  }
  enforce(s, problems, c.route);
}

export function wouldBeEmpty(existing: APIMessage, body: JsonObject, fileCount: number): boolean {
  const merged: JsonObject = {
    content: 'content' in body ? (body.content ?? '') : existing.content,
    embeds: 'embeds' in body ? (body.embeds ?? []) : existing.embeds.length,
    components: 'components' in body ? (body.components ?? []) : (existing.components?.length ?? 0),
    attachments: 'attachments' in body ? (body.attachments ?? []) : existing.attachments.length,
  };
  // Counts stand in for the existing arrays; only emptiness matters here.
  for (const k of ['embeds', 'components', 'attachments'] as const) {
    const v = merged[k];
    if (typeof v === 'number') merged[k] = v > 0 ? [null] : [];
  }
  return isEmptyMessage(merged, fileCount);
}
