import { describe, expect, it } from 'vitest';
import { createGroup, groupOfPerson, joinGroup, leaveGroup, listGroups } from '../../src/db/groups.js';
import { openMemoryDatabase } from './temp.js';

const GUILD = '900000000000000000';
const now = new Date('2025-03-10T08:00:00Z');

describe('study groups', () => {
  it('names are unique per guild regardless of case and spacing', () => {
    const store = openMemoryDatabase();
    const created = createGroup(store, { guildId: GUILD, name: '  Night   Owls ', createdBy: 'ann' }, now);
    expect(created).toMatchObject({ ok: true, group: { name: 'Night Owls', nameKey: 'night owls' } });
    expect(createGroup(store, { guildId: GUILD, name: 'NIGHT OWLS', createdBy: 'bob' }, now)).toMatchObject({
      ok: false,
      reason: 'name-taken',
    });
    expect(createGroup(store, { guildId: 'other', name: 'night owls', createdBy: 'bob' }, now).ok).toBe(true);
    expect(createGroup(store, { guildId: GUILD, name: '   ', createdBy: 'bob' }, now)).toEqual({ ok: false, reason: 'invalid-name' });
  });

  it('the creator is in the group; joining another moves the person; leaving empties it', () => {
    const store = openMemoryDatabase();
    createGroup(store, { guildId: GUILD, name: 'Night Owls', createdBy: 'ann' }, now);
    createGroup(store, { guildId: GUILD, name: 'Early Birds', createdBy: 'bob' }, now);
    expect(groupOfPerson(store, GUILD, 'ann')?.name).toBe('Night Owls');

    const moved = joinGroup(store, { guildId: GUILD, personId: 'ann', name: 'early birds' }, now);
    expect(moved).toMatchObject({ ok: true, group: { name: 'Early Birds' }, left: { name: 'Night Owls' }, alreadyMember: false });
    expect(joinGroup(store, { guildId: GUILD, personId: 'ann', name: 'Early Birds' }, now)).toMatchObject({ alreadyMember: true });
    expect(joinGroup(store, { guildId: GUILD, personId: 'ann', name: 'Nope' }, now)).toEqual({ ok: false, reason: 'no-such-group' });

    expect(listGroups(store, GUILD).map((g) => [g.name, g.members])).toEqual([
      ['Early Birds', 2],
      ['Night Owls', 0],
    ]);
    expect(leaveGroup(store, GUILD, 'ann')?.name).toBe('Early Birds');
    expect(leaveGroup(store, GUILD, 'ann')).toBeNull();
    expect(groupOfPerson(store, GUILD, 'ann')).toBeNull();
  });

  it('one group per person per guild, but a group in each guild is fine', () => {
    const store = openMemoryDatabase();
    createGroup(store, { guildId: 'g1', name: 'A', createdBy: 'ann' }, now);
    createGroup(store, { guildId: 'g2', name: 'B', createdBy: 'ann' }, now);
    expect(groupOfPerson(store, 'g1', 'ann')?.name).toBe('A');
    expect(groupOfPerson(store, 'g2', 'ann')?.name).toBe('B');
  });

  it('deleting a group removes its memberships', () => {
    const store = openMemoryDatabase();
    const created = createGroup(store, { guildId: GUILD, name: 'A', createdBy: 'ann' }, now);
    if (!created.ok) throw new Error('not created');
    store.sqlite.prepare('DELETE FROM study_groups WHERE id = ?').run(created.group.id);
    expect(store.sqlite.prepare('SELECT count(*) FROM group_members').pluck().get()).toBe(0);
  });
});
