/**
 * A short, stable reference to a section for places with tight limits (a Discord custom id or menu
 * value holds 100 characters; section ids can be longer): FNV-1a of the id, in base 36.
 * Content loading rejects two sections with the same reference.
 */
export function sectionRef(id: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, '0');
}
