import type { Engine } from '../core/engine.js';
import { cleanGroupName, createGroup, joinGroup, leaveGroup, listGroups, MAX_GROUP_NAME_LENGTH } from '../db/groups.js';

export { MAX_GROUP_NAME_LENGTH } from '../db/groups.js';
export type { StudyGroupWithCount } from '../db/groups.js';

/** A name as it will be stored, or null when it cannot be one (empty, too long). */
export function groupName(raw: string): string | null {
  const name = cleanGroupName(raw);
  return name === '' || name.length > MAX_GROUP_NAME_LENGTH ? null : name;
}

export const createStudyGroup = (engine: Engine, input: { guildId: string; name: string; personId: string }) =>
  createGroup(engine.store, { guildId: input.guildId, name: input.name, createdBy: input.personId }, engine.clock.now());

export const joinStudyGroup = (engine: Engine, input: { guildId: string; name: string; personId: string }) =>
  joinGroup(engine.store, input, engine.clock.now());

export const leaveStudyGroup = (engine: Engine, input: { guildId: string; personId: string }) =>
  leaveGroup(engine.store, input.guildId, input.personId);

export const studyGroups = (engine: Engine, guildId: string) => listGroups(engine.store, guildId);
