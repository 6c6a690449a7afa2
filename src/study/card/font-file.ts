/**
 * A TrueType font read with opentype.js: which glyph draws each character, how far each glyph moves
 * the pen and where its ink reaches, the kerning pairs, the ascent and descent, and each glyph's
 * outline as SVG path data. Enough to measure a line of text exactly as the card draws it, and to draw it.
 */
import opentype from 'opentype.js';

export interface FontFile {
  unitsPerEm: number;
  /** Above the baseline, in em (positive). */
  ascent: number;
  /** Below the baseline, in em (positive). */
  descent: number;
  /** The glyph for a code point, or undefined if the font has none (resvg draws glyph 0 then). */
  glyphOf(codePoint: number): number | undefined;
  /** How far the glyph moves the pen, in font units. */
  advance(glyph: number): number;
  /** The glyph's ink from left to right of its origin, in font units; null for a glyph with none (a space). */
  ink(glyph: number): { left: number; right: number } | null;
  /** The kerning between two glyphs, in font units (negative brings them closer). */
  kerning(left: number, right: number): number;
  /** The glyph's outline as SVG path data in font units, y pointing down, origin on the baseline at the pen. */
  path(glyph: number): string;
}

export function parseFont(bytes: Uint8Array): FontFile {
  const font = opentype.parse(new Uint8Array(bytes).buffer);
  const { unitsPerEm } = font;
  // opentype.js reads a glyph's outline (and with it xMin/xMax) when its path is first asked for.
  const glyph = (g: number) => {
    const loaded = font.glyphs.get(g);
    return { loaded, commands: loaded.path.commands };
  };
  return {
    unitsPerEm,
    ascent: font.ascender / unitsPerEm,
    descent: -font.descender / unitsPerEm,
    glyphOf(cp) {
      const g = font.charToGlyphIndex(String.fromCodePoint(cp));
      return g === 0 ? undefined : g;
    },
    advance: (g) => font.glyphs.get(g).advanceWidth ?? 0,
    ink(g) {
      const { loaded, commands } = glyph(g);
      return commands.length === 0 ? null : { left: loaded.xMin ?? 0, right: loaded.xMax ?? 0 };
    },
    // The 'kern' table's pairs: getKerningValue prefers GPOS lookups, which opentype.js 1.3 reads as none for DejaVu.
    kerning: (left, right) => font.kerningPairs[`${left},${right}`] ?? 0,
    path(g) {
      // The glyph's own path is in font units with y up: flip y for SVG.
      let d = '';
      for (const c of glyph(g).commands) {
        if (c.type === 'M' || c.type === 'L') d += `${c.type}${c.x} ${-c.y}`;
        else if (c.type === 'Q') d += `Q${c.x1} ${-c.y1} ${c.x} ${-c.y}`;
        else if (c.type === 'C') d += `C${c.x1} ${-c.y1} ${c.x2} ${-c.y2} ${c.x} ${-c.y}`;
        else d += 'Z';
      }
      return d;
    },
  };
}
