// Discord's limits on what a bot sends. Each check returns problems instead of throwing, so the
// server can both record every violation and answer with Discord's own error body.
import type { Json, JsonObject, RuleName } from './types.js';

export type Path = Array<string | number>;

export interface Problem {
  rule: RuleName;
  path: Path;
  message: string;
  /** Hard problems are ones Discord rejects (400); soft ones Discord accepts but we forbid. */
  hard: boolean;
}

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: Json | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function hard(rule: RuleName, path: Path, message: string): Problem {
  return { rule, path, message, hard: true };
}

function soft(rule: RuleName, path: Path, message: string): Problem {
  return { rule, path, message, hard: false };
}

export function describe(p: Problem): string {
  return p.path.length ? `${p.path.join('.')}: ${p.message}` : p.message;
}

function lengthCheck(
  out: Problem[],
  rule: RuleName,
  path: Path,
  value: Json | undefined,
  min: number,
  max: number,
  required: boolean,
): number {
  if (value === undefined || value === null) {
    if (required) out.push(hard(rule, path, 'required'));
    return 0;
  }
  if (typeof value !== 'string') {
    out.push(hard(rule, path, `must be a string, got ${typeof value}`));
    return 0;
  }
  if (value.length < min) out.push(hard(rule, path, `must be ${min} or more in length`));
  if (value.length > max) out.push(hard(rule, path, `must be ${max} or fewer in length (got ${value.length})`));
  return value.length;
}

export const MESSAGE_FLAG_EPHEMERAL = 1 << 6;
export const MESSAGE_FLAG_LOADING = 1 << 7;
export const MESSAGE_FLAG_COMPONENTS_V2 = 1 << 15;

// ---------------------------------------------------------------- allowed mentions

/** A message must ping nobody: allowed_mentions present, parse empty, no users/roles listed. */
export function checkAllowedMentions(body: JsonObject): Problem[] {
  const am = body.allowed_mentions;
  const rule: RuleName = 'allowed-mentions';
  if (am === undefined || am === null) {
    return [soft(rule, ['allowed_mentions'], 'missing: Discord would parse @everyone, role and user mentions from the content')];
  }
  if (!isObject(am)) return [hard(rule, ['allowed_mentions'], 'must be an object')];
  const out: Problem[] = [];
  if (am.parse !== undefined && am.parse !== null) {
    if (!Array.isArray(am.parse)) out.push(hard(rule, ['allowed_mentions', 'parse'], 'must be an array'));
    else if (am.parse.length > 0) out.push(soft(rule, ['allowed_mentions', 'parse'], `must be empty, got ${JSON.stringify(am.parse)}`));
  }
  for (const key of ['users', 'roles'] as const) {
    const list = am[key];
    if (Array.isArray(list) && list.length > 0) {
      out.push(soft(rule, ['allowed_mentions', key], `must not list ${key} to ping, got ${JSON.stringify(list)}`));
    }
  }
  if (am.replied_user === true && body.message_reference !== undefined && body.message_reference !== null) {
    out.push(soft(rule, ['allowed_mentions', 'replied_user'], 'pings the author of the replied-to message'));
  }
  return out;
}

// ---------------------------------------------------------------- embeds

function embedText(e: JsonObject): number {
  let n = 0;
  const add = (v: Json | undefined): void => {
    if (typeof v === 'string') n += v.length;
  };
  add(e.title);
  add(e.description);
  if (isObject(e.footer)) add(e.footer.text);
  if (isObject(e.author)) add(e.author.name);
  if (Array.isArray(e.fields)) {
    for (const f of e.fields) {
      if (isObject(f)) {
        add(f.name);
        add(f.value);
      }
    }
  }
  return n;
}

export function checkEmbeds(embeds: Json | undefined): Problem[] {
  const rule: RuleName = 'embed-limits';
  const out: Problem[] = [];
  if (embeds === undefined || embeds === null) return out;
  if (!Array.isArray(embeds)) return [hard(rule, ['embeds'], 'must be an array')];
  if (embeds.length > 10) out.push(hard(rule, ['embeds'], `must be 10 or fewer in length (got ${embeds.length})`));
  let total = 0;
  embeds.forEach((e, i) => {
    const p: Path = ['embeds', i];
    if (!isObject(e)) {
      out.push(hard(rule, p, 'must be an object'));
      return;
    }
    lengthCheck(out, rule, [...p, 'title'], e.title, 0, 256, false);
    lengthCheck(out, rule, [...p, 'description'], e.description, 0, 4096, false);
    if (e.color !== undefined && e.color !== null) {
      if (typeof e.color !== 'number' || !Number.isInteger(e.color) || e.color < 0 || e.color > 0xffffff) {
        out.push(hard(rule, [...p, 'color'], 'must be an integer 0..16777215'));
      }
    }
    if (e.timestamp !== undefined && e.timestamp !== null) {
      if (typeof e.timestamp !== 'string' || Number.isNaN(Date.parse(e.timestamp))) {
        out.push(hard(rule, [...p, 'timestamp'], 'must be an ISO8601 timestamp'));
      }
    }
    if (e.footer !== undefined && e.footer !== null) {
      if (!isObject(e.footer)) out.push(hard(rule, [...p, 'footer'], 'must be an object'));
      else lengthCheck(out, rule, [...p, 'footer', 'text'], e.footer.text, 1, 2048, true);
    }
    if (e.author !== undefined && e.author !== null) {
      if (!isObject(e.author)) out.push(hard(rule, [...p, 'author'], 'must be an object'));
      else lengthCheck(out, rule, [...p, 'author', 'name'], e.author.name, 1, 256, true);
    }
    if (e.fields !== undefined && e.fields !== null) {
      if (!Array.isArray(e.fields)) out.push(hard(rule, [...p, 'fields'], 'must be an array'));
      else {
        if (e.fields.length > 25) out.push(hard(rule, [...p, 'fields'], `must be 25 or fewer in length (got ${e.fields.length})`));
        e.fields.forEach((f, j) => {
          const fp: Path = [...p, 'fields', j];
          if (!isObject(f)) {
            out.push(hard(rule, fp, 'must be an object'));
            return;
          }
          lengthCheck(out, rule, [...fp, 'name'], f.name, 1, 256, true);
          lengthCheck(out, rule, [...fp, 'value'], f.value, 1, 1024, true);
        });
      }
    }
    total += embedText(e);
  });
  if (total > 6000) out.push(hard(rule, ['embeds'], `embed size exceeds maximum size of 6000 (got ${total})`));
  return out;
}

// ---------------------------------------------------------------- components

const SELECT_TYPES = new Set([3, 5, 6, 7, 8]);

interface ComponentWalk {
  out: Problem[];
  rule: RuleName;
  customIds: Map<string, Path>;
  count: number;
  textDisplayLength: number;
  /** Where text inputs are legal. */
  modal: boolean;
}

function checkCustomId(w: ComponentWalk, c: JsonObject, path: Path, required: boolean): void {
  const len = lengthCheck(w.out, w.rule, [...path, 'custom_id'], c.custom_id, 1, 100, required);
  const id = str(c.custom_id);
  if (len > 0 && id !== undefined) {
    const seen = w.customIds.get(id);
    if (seen) w.out.push(hard(w.rule, [...path, 'custom_id'], `duplicates the custom_id at ${seen.join('.')}`));
    else w.customIds.set(id, path);
  }
}

function walkComponent(w: ComponentWalk, c: Json, path: Path, inRow: boolean): void {
  w.count++;
  if (!isObject(c)) {
    w.out.push(hard(w.rule, path, 'must be an object'));
    return;
  }
  const type = c.type;
  switch (type) {
    case 1: {
      if (inRow) w.out.push(hard(w.rule, path, 'action rows cannot be nested'));
      const children = c.components;
      if (!Array.isArray(children) || children.length === 0) {
        w.out.push(hard(w.rule, [...path, 'components'], 'an action row needs 1 to 5 components'));
        return;
      }
      const types = children.map((ch) => (isObject(ch) ? ch.type : undefined));
      const hasSelect = types.some((t) => typeof t === 'number' && SELECT_TYPES.has(t));
      if (hasSelect && children.length > 1) {
        w.out.push(hard(w.rule, [...path, 'components'], 'a select menu must be alone in its action row'));
      }
      if (children.length > 5) {
        w.out.push(hard(w.rule, [...path, 'components'], `at most 5 components per action row (got ${children.length})`));
      }
      children.forEach((ch, i) => walkComponent(w, ch, [...path, 'components', i], true));
      return;
    }
    case 2: {
      const style = c.style;
      if (typeof style !== 'number' || style < 1 || style > 6) w.out.push(hard(w.rule, [...path, 'style'], 'must be 1..6'));
      if (style === 5) {
        if (typeof c.url !== 'string') w.out.push(hard(w.rule, [...path, 'url'], 'link buttons need a url'));
        if (c.custom_id !== undefined) w.out.push(hard(w.rule, [...path, 'custom_id'], 'link buttons cannot have a custom_id'));
      } else if (style !== 6) {
        checkCustomId(w, c, path, true);
      }
      lengthCheck(w.out, w.rule, [...path, 'label'], c.label, 0, 80, false);
      if (style !== 6 && (c.label === undefined || c.label === null || c.label === '') && !isObject(c.emoji)) {
        w.out.push(hard(w.rule, path, 'a button needs a label or an emoji'));
      }
      return;
    }
    case 3: {
      checkCustomId(w, c, path, true);
      lengthCheck(w.out, w.rule, [...path, 'placeholder'], c.placeholder, 0, 150, false);
      const options = c.options;
      if (!Array.isArray(options) || options.length < 1 || options.length > 25) {
        w.out.push(
          hard(
            w.rule,
            [...path, 'options'],
            `a string select needs 1 to 25 options (got ${Array.isArray(options) ? options.length : 'none'})`,
          ),
        );
      }
      const values = new Set<string>();
      if (Array.isArray(options)) {
        options.forEach((o, i) => {
          const op: Path = [...path, 'options', i];
          if (!isObject(o)) {
            w.out.push(hard(w.rule, op, 'must be an object'));
            return;
          }
          lengthCheck(w.out, w.rule, [...op, 'label'], o.label, 1, 100, true);
          lengthCheck(w.out, w.rule, [...op, 'value'], o.value, 1, 100, true);
          lengthCheck(w.out, w.rule, [...op, 'description'], o.description, 0, 100, false);
          const v = str(o.value);
          if (v !== undefined) {
            if (values.has(v)) w.out.push(hard(w.rule, [...op, 'value'], `duplicate option value ${JSON.stringify(v)}`));
            values.add(v);
          }
        });
      }
      checkMinMaxValues(w, c, path, Array.isArray(options) ? options.length : 25);
      return;
    }
    case 5:
    case 6:
    case 7:
    case 8:
      checkCustomId(w, c, path, true);
      lengthCheck(w.out, w.rule, [...path, 'placeholder'], c.placeholder, 0, 150, false);
      checkMinMaxValues(w, c, path, 25);
      return;
    case 4: {
      if (!w.modal) w.out.push(hard(w.rule, path, 'text inputs are only allowed in modals'));
      checkCustomId(w, c, path, true);
      lengthCheck(w.out, w.rule, [...path, 'label'], c.label, 1, 45, false);
      lengthCheck(w.out, w.rule, [...path, 'value'], c.value, 0, 4000, false);
      lengthCheck(w.out, w.rule, [...path, 'placeholder'], c.placeholder, 0, 100, false);
      for (const k of ['min_length', 'max_length'] as const) {
        const v = c[k];
        if (v !== undefined && v !== null && (typeof v !== 'number' || v < 0 || v > 4000)) {
          w.out.push(hard(w.rule, [...path, k], 'must be 0..4000'));
        }
      }
      return;
    }
    case 9: {
      const children = c.components;
      if (!Array.isArray(children) || children.length < 1 || children.length > 3) {
        w.out.push(hard(w.rule, [...path, 'components'], 'a section needs 1 to 3 text displays'));
      } else children.forEach((ch, i) => walkComponent(w, ch, [...path, 'components', i], false));
      if (c.accessory !== undefined) walkComponent(w, c.accessory, [...path, 'accessory'], true);
      return;
    }
    case 10: {
      const content = str(c.content);
      if (content === undefined) w.out.push(hard(w.rule, [...path, 'content'], 'required'));
      else w.textDisplayLength += content.length;
      return;
    }
    case 17:
    case 18: {
      const children = type === 17 ? c.components : c.component === undefined ? undefined : [c.component];
      if (type === 18) lengthCheck(w.out, w.rule, [...path, 'label'], c.label, 1, 45, true);
      if (Array.isArray(children)) children.forEach((ch, i) => walkComponent(w, ch, [...path, 'components', i], false));
      return;
    }
    default:
      if (typeof type !== 'number') w.out.push(hard(w.rule, [...path, 'type'], 'required'));
  }
}

function checkMinMaxValues(w: ComponentWalk, c: JsonObject, path: Path, optionCount: number): void {
  const min = c.min_values;
  const max = c.max_values;
  if (min !== undefined && min !== null && (typeof min !== 'number' || min < 0 || min > 25)) {
    w.out.push(hard(w.rule, [...path, 'min_values'], 'must be 0..25'));
  }
  if (max !== undefined && max !== null) {
    if (typeof max !== 'number' || max < 1 || max > 25) w.out.push(hard(w.rule, [...path, 'max_values'], 'must be 1..25'));
    else if (max > optionCount) w.out.push(hard(w.rule, [...path, 'max_values'], `must be at most the number of options (${optionCount})`));
  }
  if (typeof min === 'number' && typeof max === 'number' && min > max) {
    w.out.push(hard(w.rule, [...path, 'min_values'], 'must not exceed max_values'));
  }
}

/** Components of a message (create or edit). */
export function checkMessageComponents(components: Json | undefined, flags: number): Problem[] {
  const w: ComponentWalk = { out: [], rule: 'component-limits', customIds: new Map(), count: 0, textDisplayLength: 0, modal: false };
  if (components === undefined || components === null) return w.out;
  if (!Array.isArray(components)) return [hard(w.rule, ['components'], 'must be an array')];
  const v2 = (flags & MESSAGE_FLAG_COMPONENTS_V2) !== 0;
  if (!v2) {
    if (components.length > 5) w.out.push(hard(w.rule, ['components'], `at most 5 action rows (got ${components.length})`));
    components.forEach((c, i) => {
      if (isObject(c) && c.type !== 1)
        w.out.push(
          hard(w.rule, ['components', i, 'type'], 'top-level components must be action rows (type 1) without the IS_COMPONENTS_V2 flag'),
        );
    });
  }
  components.forEach((c, i) => walkComponent(w, c, ['components', i], false));
  if (v2) {
    if (w.count > 40) w.out.push(hard(w.rule, ['components'], `at most 40 components in total (got ${w.count})`));
    if (w.textDisplayLength > 4000)
      w.out.push(hard(w.rule, ['components'], `text displays exceed 4000 characters (got ${w.textDisplayLength})`));
  }
  return w.out;
}

/** Callback type 9. */
export function checkModal(data: Json | undefined): Problem[] {
  const w: ComponentWalk = { out: [], rule: 'modal-limits', customIds: new Map(), count: 0, textDisplayLength: 0, modal: true };
  if (!isObject(data)) return [hard(w.rule, ['data'], 'a modal needs data')];
  lengthCheck(w.out, w.rule, ['data', 'custom_id'], data.custom_id, 1, 100, true);
  lengthCheck(w.out, w.rule, ['data', 'title'], data.title, 1, 45, true);
  const comps = data.components;
  if (!Array.isArray(comps) || comps.length < 1 || comps.length > 5) {
    w.out.push(hard(w.rule, ['data', 'components'], 'a modal needs 1 to 5 components'));
  } else comps.forEach((c, i) => walkComponent(w, c, ['data', 'components', i], false));
  return w.out;
}

// ---------------------------------------------------------------- messages

export interface MessageCheckOptions {
  /** Creating (must not be empty) or editing (emptiness is checked on the merged result). */
  mode: 'create' | 'edit';
  /** Files attached in the multipart body. */
  fileCount: number;
  /** Path prefix, e.g. ['data'] inside an interaction callback. */
  prefix?: Path;
}

export function messageFlags(body: JsonObject): number {
  return typeof body.flags === 'number' ? body.flags : 0;
}

export function checkMessageBody(body: JsonObject, opts: MessageCheckOptions): Problem[] {
  const out: Problem[] = [];
  const content = body.content;
  if (content !== undefined && content !== null) {
    if (typeof content !== 'string') out.push(hard('content-length', ['content'], 'must be a string'));
    else if (content.length > 2000)
      out.push(hard('content-length', ['content'], `must be 2000 or fewer in length (got ${content.length})`));
  }
  const flags = messageFlags(body);
  if ((flags & MESSAGE_FLAG_COMPONENTS_V2) !== 0) {
    if (typeof content === 'string' && content.length > 0)
      out.push(hard('component-limits', ['content'], 'cannot be used with IS_COMPONENTS_V2'));
    if (Array.isArray(body.embeds) && body.embeds.length > 0)
      out.push(hard('component-limits', ['embeds'], 'cannot be used with IS_COMPONENTS_V2'));
  }
  out.push(...checkEmbeds(body.embeds));
  out.push(...checkMessageComponents(body.components, flags));
  out.push(...checkAllowedMentions(body));
  if (opts.mode === 'create' && isEmptyMessage(body, opts.fileCount)) {
    out.push(hard('empty-message', [], 'Cannot send an empty message'));
  }
  const prefix = opts.prefix ?? [];
  return prefix.length ? out.map((p) => ({ ...p, path: [...prefix, ...p.path] })) : out;
}

function nonEmptyArray(v: Json | undefined): boolean {
  return Array.isArray(v) && v.length > 0;
}

export function isEmptyMessage(body: JsonObject, fileCount: number): boolean {
  const content = body.content;
  return !(
    (typeof content === 'string' && content.length > 0) ||
    nonEmptyArray(body.embeds) ||
    nonEmptyArray(body.components) ||
    nonEmptyArray(body.sticker_ids) ||
    nonEmptyArray(body.attachments) ||
    isObject(body.poll) ||
    fileCount > 0
  );
}

// ---------------------------------------------------------------- autocomplete

/** Callback type 8. `optionType` is the focused option's registered type, when known. */
export function checkAutocompleteChoices(data: Json | undefined, optionType: number | undefined): Problem[] {
  const rule: RuleName = 'autocomplete-limits';
  if (!isObject(data)) return [hard(rule, ['data'], 'autocomplete results need data')];
  const choices = data.choices;
  if (!Array.isArray(choices)) return [hard(rule, ['data', 'choices'], 'must be an array')];
  const out: Problem[] = [];
  if (choices.length > 25) out.push(hard(rule, ['data', 'choices'], `must be 25 or fewer in length (got ${choices.length})`));
  choices.forEach((c, i) => {
    const p: Path = ['data', 'choices', i];
    if (!isObject(c)) {
      out.push(hard(rule, p, 'must be an object'));
      return;
    }
    lengthCheck(out, rule, [...p, 'name'], c.name, 1, 100, true);
    const v = c.value;
    if (typeof v === 'string') {
      if (v.length > 100) out.push(hard(rule, [...p, 'value'], `must be 100 or fewer in length (got ${v.length})`));
      if (optionType !== undefined && optionType !== 3) out.push(hard(rule, [...p, 'value'], 'must be a number for a numeric option'));
    } else if (typeof v === 'number') {
      if (optionType === 3) out.push(hard(rule, [...p, 'value'], 'must be a string for a string option'));
      if (optionType === 4 && !Number.isInteger(v)) out.push(hard(rule, [...p, 'value'], 'must be an integer'));
    } else {
      out.push(hard(rule, [...p, 'value'], 'required'));
    }
  });
  return out;
}

// ---------------------------------------------------------------- command definitions

const NAME_RE = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function checkOptions(out: Problem[], options: Json | undefined, path: Path, depth: number): void {
  const rule: RuleName = 'command-definition';
  if (options === undefined || options === null) return;
  if (!Array.isArray(options)) {
    out.push(hard(rule, path, 'must be an array'));
    return;
  }
  if (options.length > 25) out.push(hard(rule, path, `must be 25 or fewer in length (got ${options.length})`));
  const names = new Set<string>();
  let seenOptional = false;
  let subs = 0;
  let others = 0;
  options.forEach((o, i) => {
    const p: Path = [...path, i];
    if (!isObject(o)) {
      out.push(hard(rule, p, 'must be an object'));
      return;
    }
    const type = o.type;
    const name = str(o.name);
    if (name === undefined || !NAME_RE.test(name) || name !== name.toLowerCase()) {
      out.push(hard(rule, [...p, 'name'], `invalid option name ${JSON.stringify(o.name)}`));
    } else {
      if (names.has(name)) out.push(hard(rule, [...p, 'name'], `duplicate option name ${name}`));
      names.add(name);
    }
    lengthCheck(out, rule, [...p, 'description'], o.description, 1, 100, true);
    if (type === 1 || type === 2) {
      subs++;
      if (type === 2 && depth > 0) out.push(hard(rule, [...p, 'type'], 'subcommand groups cannot be nested'));
      if (type === 1 && depth > 1) out.push(hard(rule, [...p, 'type'], 'too deeply nested'));
      if (type === 2 && Array.isArray(o.options) && o.options.some((s) => !isObject(s) || s.type !== 1)) {
        out.push(hard(rule, [...p, 'options'], 'a subcommand group may only contain subcommands'));
      }
      checkOptions(out, o.options, [...p, 'options'], depth + 1);
      return;
    }
    others++;
    if (typeof type !== 'number' || type < 3 || type > 11)
      out.push(hard(rule, [...p, 'type'], `invalid option type ${JSON.stringify(type)}`));
    if (o.required === true) {
      if (seenOptional) out.push(hard(rule, [...p, 'required'], 'required options must be placed before non-required options'));
    } else seenOptional = true;
    const choices = o.choices;
    if (Array.isArray(choices)) {
      if (o.autocomplete === true && choices.length > 0) out.push(hard(rule, [...p, 'autocomplete'], 'cannot be used with choices'));
      if (choices.length > 25) out.push(hard(rule, [...p, 'choices'], `must be 25 or fewer in length (got ${choices.length})`));
      choices.forEach((c, j) => {
        if (!isObject(c)) return;
        lengthCheck(out, rule, [...p, 'choices', j, 'name'], c.name, 1, 100, true);
        if (typeof c.value === 'string') lengthCheck(out, rule, [...p, 'choices', j, 'value'], c.value, 1, 100, true);
      });
    }
    if (o.options !== undefined) out.push(hard(rule, [...p, 'options'], 'only subcommands and groups have options'));
  });
  if (subs > 0 && others > 0) out.push(hard(rule, path, 'subcommands and groups cannot be mixed with other option types'));
}

export function checkCommandDefinition(cmd: Json, path: Path): Problem[] {
  const rule: RuleName = 'command-definition';
  const out: Problem[] = [];
  if (!isObject(cmd)) return [hard(rule, path, 'must be an object')];
  const type = cmd.type ?? 1;
  const name = str(cmd.name);
  if (name === undefined || name.length < 1 || name.length > 32) out.push(hard(rule, [...path, 'name'], 'must be 1..32 characters'));
  else if (type === 1 && (!NAME_RE.test(name) || name !== name.toLowerCase())) {
    out.push(hard(rule, [...path, 'name'], `invalid chat input command name ${JSON.stringify(name)}`));
  }
  if (type === 1) lengthCheck(out, rule, [...path, 'description'], cmd.description, 1, 100, true);
  checkOptions(out, cmd.options, [...path, 'options'], 0);
  return out;
}

// ---------------------------------------------------------------- Discord error bodies

export interface DiscordError {
  message: string;
  code: number;
  errors?: JsonObject;
}

/** Discord's 50035 Invalid Form Body, with errors nested by path. */
export function formBodyError(problems: Problem[]): DiscordError {
  const empty = problems.find((p) => p.rule === 'empty-message');
  if (empty) return { message: 'Cannot send an empty message', code: 50006 };
  const errors: JsonObject = {};
  for (const p of problems) {
    let node: JsonObject = errors;
    for (const key of p.path) {
      const k = String(key);
      const next = node[k];
      if (isObject(next)) node = next;
      else {
        const created: JsonObject = {};
        node[k] = created;
        node = created;
      }
    }
    const list = Array.isArray(node._errors) ? node._errors : [];
    list.push({ code: 'BASE_TYPE_BAD_VALUE', message: p.message });
    node._errors = list;
  }
  return { message: 'Invalid Form Body', code: 50035, errors };
}
