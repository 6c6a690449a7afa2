/**
 * FNV-1a (32 bits) of a string's UTF-16 units: fast, stable across releases and platforms, not
 * cryptographic. `basis` starts a second, different lane when 32 bits are too few.
 */
export function fnv1a(text: string, basis = 0x811c9dc5): number {
  let hash = basis;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
