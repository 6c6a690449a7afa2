// Registered application commands, global and per guild, as Discord stores them.
import type { APIApplicationCommand, APIApplicationCommandOption } from 'discord.js';
import { isObject } from './validate.js';
import type { JsonObject } from './types.js';

export class CommandStore {
  private readonly global = new Map<string, APIApplicationCommand>();
  private readonly guilds = new Map<string, Map<string, APIApplicationCommand>>();
  private readonly listeners = new Set<() => void>();
  /** Discord keeps a command's id when it is overwritten with the same name and type. */
  private readonly ids = new Map<string, string>();

  constructor(
    private readonly applicationId: string,
    private readonly makeId: () => string,
  ) {}

  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private scope(guildId: string | null): Map<string, APIApplicationCommand> {
    if (guildId === null) return this.global;
    let m = this.guilds.get(guildId);
    if (!m) {
      m = new Map();
      this.guilds.set(guildId, m);
    }
    return m;
  }

  list(guildId: string | null): APIApplicationCommand[] {
    return [...this.scope(guildId).values()].map((c) => structuredClone(c));
  }

  get(guildId: string | null, id: string): APIApplicationCommand | undefined {
    return this.scope(guildId).get(id);
  }

  /** The command a user in this guild would run: guild commands shadow global ones. */
  find(guildId: string, name: string): APIApplicationCommand | undefined {
    const inGuild = [...this.scope(guildId).values()].find((c) => c.name === name && (c.type ?? 1) === 1);
    return inGuild ?? this.findGlobal(name);
  }

  /** The command a user in a DM would run: only global commands reach DMs. */
  findGlobal(name: string): APIApplicationCommand | undefined {
    return [...this.global.values()].find((c) => c.name === name && (c.type ?? 1) === 1);
  }

  /** Guilds where a chat input command of this name is registered. */
  guildsWith(name: string): string[] {
    return [...this.guilds.entries()]
      .filter(([, cmds]) => [...cmds.values()].some((c) => c.name === name && (c.type ?? 1) === 1))
      .map(([id]) => id);
  }

  private build(guildId: string | null, def: JsonObject): APIApplicationCommand {
    const type = typeof def.type === 'number' ? def.type : 1;
    const name = String(def.name);
    const key = `${guildId ?? 'global'}:${type}:${name}`;
    let id = this.ids.get(key);
    if (!id) {
      id = this.makeId();
      this.ids.set(key, id);
    }
    const cmd: APIApplicationCommand = {
      id,
      application_id: this.applicationId,
      version: this.makeId(),
      type,
      name,
      name_localizations: null,
      description: typeof def.description === 'string' ? def.description : '',
      description_localizations: null,
      default_member_permissions: typeof def.default_member_permissions === 'string' ? def.default_member_permissions : null,
      nsfw: def.nsfw === true,
      contexts: Array.isArray(def.contexts) ? def.contexts.filter((c): c is number => typeof c === 'number') : null,
      integration_types: Array.isArray(def.integration_types)
        ? def.integration_types.filter((c): c is number => typeof c === 'number')
        : [0],
    };
    if (guildId !== null) cmd.guild_id = guildId;
    // Shapes were validated by checkCommandDefinition before storing.
    if (Array.isArray(def.options) && def.options.length > 0)
      cmd.options = structuredClone(def.options.filter(isObject)) as unknown as APIApplicationCommandOption[];
    return cmd;
  }

  /** PUT: the new set replaces the old one. */
  replace(guildId: string | null, defs: JsonObject[]): APIApplicationCommand[] {
    const scope = this.scope(guildId);
    scope.clear();
    for (const d of defs) {
      const c = this.build(guildId, d);
      scope.set(c.id, c);
    }
    this.changed();
    return this.list(guildId);
  }

  /** POST: creates, or overwrites the command with the same name. */
  upsert(guildId: string | null, def: JsonObject): { command: APIApplicationCommand; created: boolean } {
    const scope = this.scope(guildId);
    const c = this.build(guildId, def);
    const created = !scope.has(c.id);
    scope.set(c.id, c);
    this.changed();
    return { command: structuredClone(c), created };
  }

  patch(guildId: string | null, id: string, def: JsonObject): APIApplicationCommand | undefined {
    const scope = this.scope(guildId);
    const old = scope.get(id);
    if (!old) return undefined;
    const merged = { ...(structuredClone(old) as unknown as JsonObject), ...def };
    scope.delete(id);
    // An edit keeps the command's id, even when it renames it.
    const c = { ...this.build(guildId, merged), id };
    this.ids.set(`${guildId ?? 'global'}:${c.type ?? 1}:${c.name}`, id);
    scope.set(c.id, c);
    this.changed();
    return structuredClone(c);
  }

  remove(guildId: string | null, id: string): boolean {
    const ok = this.scope(guildId).delete(id);
    if (ok) this.changed();
    return ok;
  }

  private changed(): void {
    for (const fn of [...this.listeners]) fn();
  }
}
