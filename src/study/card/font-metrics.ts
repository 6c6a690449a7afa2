/**
 * Horizontal metrics read straight from a TrueType file: the advance width of each character (cmap,
 * hmtx), how far each glyph's ink reaches (glyf), the font's ascent and descent, and its kerning
 * pairs. Enough to know how much room a line of text takes when resvg draws it with the same file,
 * without a font library.
 *
 * The extent is an upper bound, not a shaping engine: only kerning pairs that widen a pair are added
 * (those that tighten it are left out), ligatures and mark positioning are ignored (they only make
 * text narrower), and a character the font lacks counts as the font's missing-glyph box, which is
 * what resvg draws for it. So text measured to fit does fit, ink that overhangs its advance included
 * (the hook of a "J" reaches left of where the pen starts).
 */

export interface FontMetrics {
  unitsPerEm: number;
  /** Above the baseline, in em (positive). */
  ascent: number;
  /** Below the baseline, in em (positive). */
  descent: number;
  /** Whether the font has a glyph for this code point. */
  has(codePoint: number): boolean;
  /** The room a line of text takes at a font size, in the same unit as the size. */
  extent(text: string, size: number): TextExtent;
}

/** Horizontal reach of a line of text, from where the pen starts. */
export interface TextExtent {
  /** Where the pen ends: the next text would start here. */
  advance: number;
  /** The leftmost of the pen start and the ink (0 or less). */
  left: number;
  /** The rightmost of the pen end and the ink (the advance or more). */
  right: number;
}

interface Table {
  offset: number;
  length: number;
}

export function parseFont(bytes: Uint8Array): FontMetrics {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at);
  const i16 = (at: number) => view.getInt16(at);
  const u32 = (at: number) => view.getUint32(at);

  const tables = new Map<string, Table>();
  const count = u16(4);
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    const tag = String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
    tables.set(tag, { offset: u32(at + 8), length: u32(at + 12) });
  }
  const table = (tag: string): Table => {
    const t = tables.get(tag);
    if (!t) throw new Error(`font has no '${tag}' table`);
    return t;
  };

  const head = table('head').offset;
  const unitsPerEm = u16(head + 18);
  const hhea = table('hhea').offset;
  const ascender = i16(hhea + 4);
  const descender = i16(hhea + 6);
  const numberOfHMetrics = u16(hhea + 34);
  const numGlyphs = u16(table('maxp').offset + 4);

  const hmtx = table('hmtx').offset;
  const advances = new Uint16Array(numGlyphs);
  for (let g = 0; g < numGlyphs; g++) advances[g] = u16(hmtx + 4 * Math.min(g, numberOfHMetrics - 1));

  // Each glyph's ink from its bounding box in 'glyf' (found through 'loca'); an empty glyph has none.
  const inkLeft = new Int16Array(numGlyphs);
  const inkRight = new Int16Array(numGlyphs);
  const hasInk = new Uint8Array(numGlyphs);
  if (tables.has('glyf') && tables.has('loca')) {
    const glyf = table('glyf').offset;
    const loca = table('loca').offset;
    const longOffsets = i16(head + 50) === 1;
    const at = (g: number) => (longOffsets ? u32(loca + 4 * g) : 2 * u16(loca + 2 * g));
    for (let g = 0; g < numGlyphs; g++) {
      const start = at(g);
      if (at(g + 1) === start) continue;
      hasInk[g] = 1;
      inkLeft[g] = i16(glyf + start + 2);
      inkRight[g] = i16(glyf + start + 6);
    }
  }

  const glyphOf = readCmap(view, table('cmap').offset);
  const widening = tables.has('kern') ? readWideningKerning(view, table('kern').offset) : new Map<number, number>();

  return {
    unitsPerEm,
    ascent: ascender / unitsPerEm,
    descent: -descender / unitsPerEm,
    has: (cp) => glyphOf.has(cp),
    extent(text, size) {
      let pen = 0;
      let left = 0;
      let right = 0;
      let previous = -1;
      for (const ch of text) {
        const glyph = glyphOf.get(ch.codePointAt(0)!) ?? 0;
        if (previous >= 0) pen += widening.get(previous * 65536 + glyph) ?? 0;
        if (hasInk[glyph]) {
          left = Math.min(left, pen + inkLeft[glyph]!);
          right = Math.max(right, pen + inkRight[glyph]!);
        }
        pen += advances[glyph] ?? 0;
        previous = glyph;
      }
      const scale = size / unitsPerEm;
      return { advance: pen * scale, left: left * scale, right: Math.max(pen, right) * scale };
    },
  };
}

/** Code point to glyph id, from the best Unicode subtable: format 12 (full range) or 4 (BMP). */
function readCmap(view: DataView, cmap: number): Map<number, number> {
  const records: Array<{ platform: number; encoding: number; offset: number }> = [];
  const n = view.getUint16(cmap + 2);
  for (let i = 0; i < n; i++) {
    const at = cmap + 4 + 8 * i;
    records.push({ platform: view.getUint16(at), encoding: view.getUint16(at + 2), offset: cmap + view.getUint32(at + 4) });
  }
  const unicode = records.filter((r) => r.platform === 0 || (r.platform === 3 && (r.encoding === 1 || r.encoding === 10)));
  const full = unicode.find((r) => view.getUint16(r.offset) === 12);
  const bmp = unicode.find((r) => view.getUint16(r.offset) === 4);
  const map = new Map<number, number>();
  if (full) {
    const groups = view.getUint32(full.offset + 12);
    for (let i = 0; i < groups; i++) {
      const at = full.offset + 16 + 12 * i;
      const start = view.getUint32(at);
      const end = view.getUint32(at + 4);
      const glyph = view.getUint32(at + 8);
      for (let cp = start; cp <= end; cp++) map.set(cp, glyph + cp - start);
    }
  } else if (bmp) {
    const at = bmp.offset;
    const segments = view.getUint16(at + 6) / 2;
    const ends = at + 14;
    const starts = ends + 2 * segments + 2;
    const deltas = starts + 2 * segments;
    const rangeOffsets = deltas + 2 * segments;
    for (let s = 0; s < segments; s++) {
      const start = view.getUint16(starts + 2 * s);
      const end = view.getUint16(ends + 2 * s);
      const delta = view.getInt16(deltas + 2 * s);
      const rangeOffset = view.getUint16(rangeOffsets + 2 * s);
      for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
        let glyph: number;
        if (rangeOffset === 0) glyph = (cp + delta) & 0xffff;
        else {
          const raw = view.getUint16(rangeOffsets + 2 * s + rangeOffset + 2 * (cp - start));
          glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
        }
        if (glyph !== 0) map.set(cp, glyph);
      }
    }
  } else throw new Error('font has no Unicode cmap subtable');
  return map;
}

/** Kerning pairs (left * 65536 + right) from a format 0 'kern' table, only those that add space. */
function readWideningKerning(view: DataView, kern: number): Map<number, number> {
  const pairs = new Map<number, number>();
  if (view.getUint16(kern) !== 0) return pairs; // the Apple 'kern' variant is not used by the fonts shipped here
  const subtables = view.getUint16(kern + 2);
  let at = kern + 4;
  for (let i = 0; i < subtables; i++) {
    const length = view.getUint16(at + 2);
    const coverage = view.getUint16(at + 4);
    const horizontal = (coverage & 1) === 1 && (coverage & 0b110) === 0;
    if (coverage >> 8 === 0 && horizontal) {
      const n = view.getUint16(at + 6);
      for (let p = 0; p < n; p++) {
        const pair = at + 14 + 6 * p;
        const value = view.getInt16(pair + 4);
        if (value > 0) pairs.set(view.getUint16(pair) * 65536 + view.getUint16(pair + 2), value);
      }
    }
    at += length;
  }
  return pairs;
}
