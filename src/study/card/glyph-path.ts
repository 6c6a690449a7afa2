/**
 * A glyph's outline as SVG path data in font units, y pointing down (SVG's way), origin on the
 * baseline at the pen: drawn at any size by scaling. Kept per font, so each glyph is written once.
 */
import type { FontFile } from './font-file.js';

const written = new WeakMap<FontFile, Map<number, string>>();

export function glyphPath(font: FontFile, glyph: number): string {
  let paths = written.get(font);
  if (!paths) {
    paths = new Map();
    written.set(font, paths);
  }
  let d = paths.get(glyph);
  if (d === undefined) {
    d = font.path(glyph);
    paths.set(glyph, d);
  }
  return d;
}
