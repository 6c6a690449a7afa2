// Routes about the bot itself: gateway discovery, users, the application, and its commands
// (global and per guild, which share handlers).
import { E, ok, noContent, type Ctx, type Reply, type Router } from '../router.js';
import type { FakeState } from '../state.js';
import { checkCommandDefinition, isObject } from '../validate.js';
import type { JsonObject } from '../types.js';
import { enforce, objectBody, requireApp } from './checks.js';

export function applicationRoutes(r: Router, s: FakeState): void {
  const w = s.world;

  r.add('GET', '/gateway', () => ok({ url: s.wsUrl }), false);
  r.add('GET', '/gateway/bot', () =>
    ok({ url: s.wsUrl, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 } }),
  );
  r.add('GET', '/users/@me', () => ok(w.user(w.botUser.id)));
  r.add('GET', '/users/:user', (c) => {
    const u = w.users.get(c.params.user ?? '');
    if (!u) throw E.unknownUser();
    return ok({ ...u });
  });
  // Opening a DM (user.send() in discord.js): the same channel each time.
  r.add('POST', '/users/@me/channels', (c) => {
    const body = objectBody(s, c);
    const recipient = typeof body.recipient_id === 'string' ? w.users.get(body.recipient_id) : undefined;
    if (!recipient || recipient.id === w.botUser.id) throw E.unknownUser();
    return ok(w.dmChannelObject(w.dmChannel(recipient.id)));
  });
  const application = (): Reply =>
    ok({
      id: s.opts.applicationId,
      name: w.botUser.username,
      icon: null,
      description: '',
      summary: '',
      type: null,
      bot_public: false,
      bot_require_code_grant: false,
      verify_key: '0'.repeat(64),
      flags: 0,
      team: null,
      owner: w.user(w.botUser.id),
      bot: w.user(w.botUser.id),
      approximate_guild_count: w.guilds.size,
      install_params: { scopes: ['bot', 'applications.commands'], permissions: '0' },
    });
  r.add('GET', '/applications/@me', application);
  r.add('GET', '/oauth2/applications/@me', application);

  commandRoutes(r, s);
}

/** Commands, global and per guild: same handlers with a scope. */
function commandRoutes(r: Router, s: FakeState): void {
  const scopes: Array<{ base: string; guild: (c: Ctx) => string | null }> = [
    { base: '/applications/:app/commands', guild: () => null },
    {
      base: '/applications/:app/guilds/:guild/commands',
      guild: (c) => {
        // Discord answers 403 for guilds the app is not in.
        if (!s.world.guilds.has(c.params.guild ?? '')) throw E.missingAccess();
        return c.params.guild ?? null;
      },
    },
  ];
  for (const scope of scopes) {
    r.add('GET', scope.base, (c) => {
      requireApp(s, c);
      return ok(s.commands.list(scope.guild(c)));
    });
    r.add('PUT', scope.base, (c) => {
      requireApp(s, c);
      const g = scope.guild(c);
      const defs = c.body.value;
      if (!Array.isArray(defs)) {
        s.violate('command-definition', 'PUT commands needs an array body', c.route);
        throw E.invalidFormBody();
      }
      const problems = defs.flatMap((d, i) => checkCommandDefinition(d as JsonObject, [i]));
      const seen = new Set<string>();
      defs.forEach((d, i) => {
        if (!isObject(d)) return;
        const key = `${String(d.type ?? 1)}:${String(d.name)}`;
        if (seen.has(key))
          problems.push({ rule: 'command-definition', path: [i, 'name'], message: `duplicate command name ${String(d.name)}`, hard: true });
        seen.add(key);
      });
      if (defs.filter((d) => isObject(d) && (d.type ?? 1) === 1).length > 100) {
        problems.push({ rule: 'command-definition', path: [], message: 'at most 100 chat input commands', hard: true });
      }
      enforce(s, problems, c.route);
      return ok(s.commands.replace(g, defs.filter(isObject)));
    });
    r.add('POST', scope.base, (c) => {
      requireApp(s, c);
      const g = scope.guild(c);
      const def = objectBody(s, c);
      enforce(s, checkCommandDefinition(def, []), c.route);
      const { command, created } = s.commands.upsert(g, def);
      return { status: created ? 201 : 200, body: command };
    });
    r.add('GET', `${scope.base}/:command`, (c) => {
      requireApp(s, c);
      const cmd = s.commands.get(scope.guild(c), c.params.command ?? '');
      if (!cmd) throw E.unknownCommand();
      return ok(structuredClone(cmd));
    });
    r.add('PATCH', `${scope.base}/:command`, (c) => {
      requireApp(s, c);
      const g = scope.guild(c);
      const def = objectBody(s, c);
      const old = s.commands.get(g, c.params.command ?? '');
      if (!old) throw E.unknownCommand();
      enforce(s, checkCommandDefinition({ ...(structuredClone(old) as unknown as JsonObject), ...def }, []), c.route);
      const cmd = s.commands.patch(g, c.params.command ?? '', def);
      if (!cmd) throw E.unknownCommand();
      return ok(cmd);
    });
    r.add('DELETE', `${scope.base}/:command`, (c) => {
      requireApp(s, c);
      if (!s.commands.remove(scope.guild(c), c.params.command ?? '')) throw E.unknownCommand();
      return noContent;
    });
  }
}
