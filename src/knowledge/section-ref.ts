import { fnv1a } from '../hash.js';

/**
 * A short, stable reference to a section for places with tight limits (a Discord custom id or menu
 * value holds 100 characters; section ids can be longer): FNV-1a of the id, in base 36.
 * Content loading rejects two sections with the same reference.
 */
export function sectionRef(id: string): string {
  return fnv1a(id).toString(36).padStart(7, '0');
}
