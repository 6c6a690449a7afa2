// Guilds as the bot reads them: the guild, its channels, roles and members.
import { E, ok, type Router } from '../router.js';
import type { FakeState } from '../state.js';
import type { GuildRecord } from '../world.js';

export function guildRoutes(r: Router, s: FakeState): void {
  const w = s.world;

  const guildOr404 = (id: string): GuildRecord => {
    const g = w.guilds.get(id);
    if (!g) throw E.unknownGuild();
    return g;
  };

  r.add('GET', '/guilds/:guild', (c) => {
    const g = guildOr404(c.params.guild ?? '');
    const extra = c.query.get('with_counts') === 'true' ? { approximate_member_count: g.members.size, approximate_presence_count: 0 } : {};
    return ok({ ...w.guildObject(g), ...extra });
  });
  r.add('GET', '/guilds/:guild/channels', (c) => ok(w.visibleChannels(guildOr404(c.params.guild ?? ''))));
  r.add('GET', '/guilds/:guild/roles', (c) => ok(w.roles(guildOr404(c.params.guild ?? ''))));
  r.add('GET', '/guilds/:guild/members', (c) => {
    const g = guildOr404(c.params.guild ?? '');
    const limit = Math.min(1000, Number(c.query.get('limit') ?? 1) || 1);
    return ok([...g.members.values()].slice(0, limit).map((m) => w.guildMember(g, m)));
  });
  r.add('GET', '/guilds/:guild/members/:user', (c) => {
    const g = guildOr404(c.params.guild ?? '');
    const m = g.members.get(c.params.user ?? '');
    if (!m) throw E.unknownMember();
    return ok(w.guildMember(g, m));
  });
}
