/**
 * How a line of text is drawn and how much room it takes. Text in scripts that need no shaping
 * (Latin, Greek, Cyrillic and the common signs, with no combining marks) is drawn by the card itself
 * as the font's glyph outlines, placed with the font's advances and kerning: its measure is exact.
 * Anything else (Arabic, Hebrew, combining marks, characters the font lacks) is left to resvg's text
 * shaping as an SVG <text>, and measured as an upper bound: only kerning that widens is added, and
 * ligatures and mark positioning, which only narrow text, are ignored.
 *
 * Why draw outlines at all: resvg-js reads the whole font file again for every glyph it draws
 * (0.76 MB each time), which made text most of a card's rendering time.
 */
import type { FontFile } from './font-file.js';
import { fontFile, type TextStyle } from './fonts.js';

/** Horizontal reach of a line of text, in px from where the pen starts. */
export interface TextExtent {
  /** Where the pen ends. */
  advance: number;
  /** The leftmost of the pen start and the ink (0 or less): a "J" hooks left of the pen. */
  left: number;
  /** The rightmost of the pen end and the ink (the advance or more). */
  right: number;
}

export interface PlacedGlyph {
  glyph: number;
  /** From the pen start, in font units. */
  x: number;
}

const SIMPLE_SCRIPTS = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Common}]*$/u;
const NEEDS_SHAPING = /[\p{M}\p{Cf}]/u;

/** Whether the card draws this text as outlines itself (else it is an SVG <text> for resvg). */
export function drawnAsOutlines(text: string, font: FontFile): boolean {
  if (!SIMPLE_SCRIPTS.test(text) || NEEDS_SHAPING.test(text)) return false;
  for (const ch of text) if (font.glyphOf(ch.codePointAt(0)!) === undefined) return false;
  return true;
}

/** Glyphs one after the other, kerned; `widenOnly` keeps only kerning that adds space. */
export function placeGlyphs(text: string, font: FontFile, widenOnly = false): { glyphs: PlacedGlyph[]; advance: number } {
  const glyphs: PlacedGlyph[] = [];
  let pen = 0;
  let previous = -1;
  for (const ch of text) {
    const glyph = font.glyphOf(ch.codePointAt(0)!) ?? 0;
    if (previous >= 0) {
      const kern = font.kerning(previous, glyph);
      pen += widenOnly ? Math.max(0, kern) : kern;
    }
    glyphs.push({ glyph, x: pen });
    pen += font.advance(glyph);
    previous = glyph;
  }
  return { glyphs, advance: pen };
}

/** The room a line of text takes as the card draws it. */
export function textExtent(text: string, style: TextStyle): TextExtent {
  const font = fontFile(style.weight);
  const { glyphs, advance } = placeGlyphs(text, font, !drawnAsOutlines(text, font));
  let left = 0;
  let right = advance;
  for (const g of glyphs) {
    const ink = font.ink(g.glyph);
    if (!ink) continue;
    left = Math.min(left, g.x + ink.left);
    right = Math.max(right, g.x + ink.right);
  }
  const scale = style.size / font.unitsPerEm;
  return { advance: advance * scale, left: left * scale, right: right * scale };
}

/** How wide a box a line of text needs, in px: its advance and any ink overhanging it. */
export function textWidth(text: string, style: TextStyle): number {
  const { left, right } = textExtent(text, style);
  return right - left;
}
