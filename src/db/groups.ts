import { and, asc, count, eq } from 'drizzle-orm';
import type { Database } from './connection.js';
import { ensurePerson } from './people.js';
import { groupMembers, memberTotals, studyGroups } from './schema.js';

export type StudyGroup = typeof studyGroups.$inferSelect;
export type StudyGroupWithCount = StudyGroup & { members: number };

export const MAX_GROUP_NAME_LENGTH = 50;

/** Display form: trimmed, inner whitespace collapsed. */
export function cleanGroupName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

/** "Night Owls", " night  owls " and "NIGHT OWLS" are one group. */
export function groupNameKey(name: string): string {
  return cleanGroupName(name).toLowerCase();
}

export type CreateGroupResult =
  | { ok: true; group: StudyGroup; left: StudyGroup | null }
  | { ok: false; reason: 'name-taken'; existing: StudyGroup }
  | { ok: false; reason: 'invalid-name' };

export type JoinGroupResult =
  { ok: true; group: StudyGroup; left: StudyGroup | null; alreadyMember: boolean } | { ok: false; reason: 'no-such-group' };

export function findGroupByName(store: Database, guildId: string, name: string): StudyGroup | null {
  return (
    store.db
      .select()
      .from(studyGroups)
      .where(and(eq(studyGroups.guildId, guildId), eq(studyGroups.nameKey, groupNameKey(name))))
      .get() ?? null
  );
}

export function groupOfPerson(store: Database, guildId: string, personId: string): StudyGroup | null {
  const row = store.db
    .select({ group: studyGroups })
    .from(groupMembers)
    .innerJoin(studyGroups, eq(studyGroups.id, groupMembers.groupId))
    .where(and(eq(groupMembers.guildId, guildId), eq(groupMembers.personId, personId)))
    .get();
  return row?.group ?? null;
}

/** Mirrors membership into member_totals (see the schema), creating the member's row if needed. */
function setBoardGroup(store: Database, guildId: string, personId: string, groupId: number | null): void {
  store.db
    .insert(memberTotals)
    .values({ guildId, personId, groupId })
    .onConflictDoUpdate({ target: [memberTotals.guildId, memberTotals.personId], set: { groupId } })
    .run();
}

/** Puts the person in `group`, leaving any other group in the guild; returns the group left. */
function moveInto(store: Database, group: StudyGroup, personId: string, now: Date): StudyGroup | null {
  const previous = groupOfPerson(store, group.guildId, personId);
  if (previous?.id === group.id) return null;
  ensurePerson(store, personId, now);
  store.db
    .insert(groupMembers)
    .values({ groupId: group.id, guildId: group.guildId, personId, joinedAt: now })
    .onConflictDoUpdate({ target: [groupMembers.guildId, groupMembers.personId], set: { groupId: group.id, joinedAt: now } })
    .run();
  setBoardGroup(store, group.guildId, personId, group.id);
  return previous;
}

/** Creates a group and moves its creator into it (a creator outside their own group surprises people). */
export function createGroup(store: Database, input: { guildId: string; name: string; createdBy: string }, now: Date): CreateGroupResult {
  const name = cleanGroupName(input.name);
  if (name.length === 0 || name.length > MAX_GROUP_NAME_LENGTH) return { ok: false, reason: 'invalid-name' };
  return store.sqlite
    .transaction((): CreateGroupResult => {
      const existing = findGroupByName(store, input.guildId, name);
      if (existing) return { ok: false, reason: 'name-taken', existing };
      const group = store.db
        .insert(studyGroups)
        .values({ guildId: input.guildId, name, nameKey: groupNameKey(name), createdBy: input.createdBy, createdAt: now })
        .returning()
        .get();
      const left = moveInto(store, group, input.createdBy, now);
      return { ok: true, group, left };
    })
    .immediate();
}

/** Joins the group called `name`, moving out of any other group in the guild. */
export function joinGroup(store: Database, input: { guildId: string; personId: string; name: string }, now: Date): JoinGroupResult {
  return store.sqlite
    .transaction((): JoinGroupResult => {
      const group = findGroupByName(store, input.guildId, input.name);
      if (!group) return { ok: false, reason: 'no-such-group' };
      const current = groupOfPerson(store, input.guildId, input.personId);
      if (current?.id === group.id) return { ok: true, group, left: null, alreadyMember: true };
      const left = moveInto(store, group, input.personId, now);
      return { ok: true, group, left, alreadyMember: false };
    })
    .immediate();
}

/** Leaves the person's group in the guild; returns it, or null if they were in none. Empty groups stay. */
export function leaveGroup(store: Database, guildId: string, personId: string): StudyGroup | null {
  return store.sqlite
    .transaction((): StudyGroup | null => {
      const group = groupOfPerson(store, guildId, personId);
      if (!group) return null;
      store.db
        .delete(groupMembers)
        .where(and(eq(groupMembers.guildId, guildId), eq(groupMembers.personId, personId)))
        .run();
      setBoardGroup(store, guildId, personId, null);
      return group;
    })
    .immediate();
}

export function listGroups(store: Database, guildId: string): StudyGroupWithCount[] {
  return store.db
    .select({ group: studyGroups, members: count(groupMembers.personId) })
    .from(studyGroups)
    .leftJoin(groupMembers, eq(groupMembers.groupId, studyGroups.id))
    .where(eq(studyGroups.guildId, guildId))
    .groupBy(studyGroups.id)
    .orderBy(asc(studyGroups.nameKey))
    .all()
    .map((row) => ({ ...row.group, members: row.members }));
}
