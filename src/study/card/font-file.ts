/**
 * A TrueType font file read with no font library: which glyph draws each character (cmap), how far
 * each glyph moves the pen (hmtx) and where its ink reaches (glyf), the kerning pairs (kern), the
 * ascent and descent (hhea), and each glyph's outline. Enough to measure a line of text exactly as
 * the card draws it, and to draw it.
 */

/** A point of a glyph's outline, in font units (y up). */
export interface OutlinePoint {
  x: number;
  y: number;
  onCurve: boolean;
}

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
  /** The glyph's closed contours. */
  outline(glyph: number): OutlinePoint[][];
}

export function parseFont(bytes: Uint8Array): FontFile {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at);
  const i16 = (at: number) => view.getInt16(at);
  const u32 = (at: number) => view.getUint32(at);

  const tables = new Map<string, number>();
  for (let i = 0; i < u16(4); i++) {
    const at = 12 + 16 * i;
    tables.set(String.fromCharCode(...bytes.subarray(at, at + 4)), u32(at + 8));
  }
  const table = (tag: string): number => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`font has no '${tag}' table (only TrueType outlines are read)`);
    return offset;
  };

  const head = table('head');
  const unitsPerEm = u16(head + 18);
  const hhea = table('hhea');
  const numberOfHMetrics = u16(hhea + 34);
  const numGlyphs = u16(table('maxp') + 4);
  const hmtx = table('hmtx');
  const glyf = table('glyf');
  const loca = table('loca');
  const longOffsets = i16(head + 50) === 1;
  const locate = (g: number) => (longOffsets ? u32(loca + 4 * g) : 2 * u16(loca + 2 * g));
  const glyphData = (g: number): number | null => {
    if (g < 0 || g >= numGlyphs) return null;
    const start = locate(g);
    return locate(g + 1) === start ? null : glyf + start;
  };

  const cmap = readCmap(view, table('cmap'));
  const kerning = tables.has('kern') ? readKerning(view, table('kern')) : new Map<number, number>();
  const outlines = new Map<number, OutlinePoint[][]>();

  const outline = (g: number, depth = 0): OutlinePoint[][] => {
    const at = glyphData(g);
    if (at === null || depth > 8) return [];
    const contours = i16(at);
    return contours >= 0 ? simpleOutline(view, at, contours) : compositeOutline(view, at, (child) => outline(child, depth + 1));
  };

  return {
    unitsPerEm,
    ascent: i16(hhea + 4) / unitsPerEm,
    descent: -i16(hhea + 6) / unitsPerEm,
    glyphOf: (cp) => cmap.get(cp),
    advance: (g) => u16(hmtx + 4 * Math.min(g, numberOfHMetrics - 1)),
    ink(g) {
      const at = glyphData(g);
      return at === null ? null : { left: i16(at + 2), right: i16(at + 6) };
    },
    kerning: (left, right) => kerning.get(left * 65536 + right) ?? 0,
    outline(g) {
      let contours = outlines.get(g);
      if (!contours) {
        contours = outline(g);
        outlines.set(g, contours);
      }
      return contours;
    },
  };
}

/** Flags of a simple glyph's points. */
const ON_CURVE = 1;
const X_SHORT = 2;
const Y_SHORT = 4;
const REPEAT = 8;
const X_SAME_OR_POSITIVE = 16;
const Y_SAME_OR_POSITIVE = 32;

function simpleOutline(view: DataView, at: number, contours: number): OutlinePoint[][] {
  const ends: number[] = [];
  for (let i = 0; i < contours; i++) ends.push(view.getUint16(at + 10 + 2 * i));
  const count = contours === 0 ? 0 : ends[contours - 1]! + 1;
  let p = at + 10 + 2 * contours;
  p += 2 + view.getUint16(p); // the hinting instructions
  const flags: number[] = [];
  while (flags.length < count) {
    const flag = view.getUint8(p++);
    flags.push(flag);
    if (flag & REPEAT) for (let r = view.getUint8(p++); r > 0; r--) flags.push(flag);
  }
  const coordinates = (short: number, same: number): number[] => {
    const values: number[] = [];
    let value = 0;
    for (const flag of flags.slice(0, count)) {
      if (flag & short) {
        const delta = view.getUint8(p++);
        value += flag & same ? delta : -delta;
      } else if (!(flag & same)) {
        value += view.getInt16(p);
        p += 2;
      }
      values.push(value);
    }
    return values;
  };
  const xs = coordinates(X_SHORT, X_SAME_OR_POSITIVE);
  const ys = coordinates(Y_SHORT, Y_SAME_OR_POSITIVE);
  const out: OutlinePoint[][] = [];
  let start = 0;
  for (const end of ends) {
    const contour: OutlinePoint[] = [];
    for (let i = start; i <= end; i++) contour.push({ x: xs[i]!, y: ys[i]!, onCurve: (flags[i]! & ON_CURVE) !== 0 });
    out.push(contour);
    start = end + 1;
  }
  return out;
}

/** Flags of a composite glyph's components. */
const ARGS_ARE_WORDS = 0x1;
const ARGS_ARE_XY = 0x2;
const HAS_SCALE = 0x8;
const MORE_COMPONENTS = 0x20;
const HAS_XY_SCALE = 0x40;
const HAS_2X2 = 0x80;

function compositeOutline(view: DataView, at: number, child: (glyph: number) => OutlinePoint[][]): OutlinePoint[][] {
  const out: OutlinePoint[][] = [];
  const f2dot14 = (o: number) => view.getInt16(o) / 16384;
  let p = at + 10;
  let flags: number;
  do {
    flags = view.getUint16(p);
    const glyph = view.getUint16(p + 2);
    p += 4;
    let dx: number;
    let dy: number;
    if (flags & ARGS_ARE_WORDS) {
      dx = view.getInt16(p);
      dy = view.getInt16(p + 2);
      p += 4;
    } else {
      dx = view.getInt8(p);
      dy = view.getInt8(p + 1);
      p += 2;
    }
    // Components placed by matching points (not offsets) are rare; they are drawn unmoved.
    if (!(flags & ARGS_ARE_XY)) dx = dy = 0;
    let [a, b, c, d] = [1, 0, 0, 1];
    if (flags & HAS_SCALE) {
      a = d = f2dot14(p);
      p += 2;
    } else if (flags & HAS_XY_SCALE) {
      a = f2dot14(p);
      d = f2dot14(p + 2);
      p += 4;
    } else if (flags & HAS_2X2) {
      [a, b, c, d] = [f2dot14(p), f2dot14(p + 2), f2dot14(p + 4), f2dot14(p + 6)];
      p += 8;
    }
    for (const contour of child(glyph))
      out.push(contour.map((pt) => ({ x: a * pt.x + c * pt.y + dx, y: b * pt.x + d * pt.y + dy, onCurve: pt.onCurve })));
  } while (flags & MORE_COMPONENTS);
  return out;
}

/** Code point to glyph id, from the best Unicode subtable: format 12 (full range) or 4 (BMP). */
function readCmap(view: DataView, cmap: number): Map<number, number> {
  const records: Array<{ platform: number; encoding: number; offset: number }> = [];
  for (let i = 0; i < view.getUint16(cmap + 2); i++) {
    const at = cmap + 4 + 8 * i;
    records.push({ platform: view.getUint16(at), encoding: view.getUint16(at + 2), offset: cmap + view.getUint32(at + 4) });
  }
  const unicode = records.filter((r) => r.platform === 0 || (r.platform === 3 && (r.encoding === 1 || r.encoding === 10)));
  const full = unicode.find((r) => view.getUint16(r.offset) === 12);
  const bmp = unicode.find((r) => view.getUint16(r.offset) === 4);
  const map = new Map<number, number>();
  if (full) {
    for (let i = 0; i < view.getUint32(full.offset + 12); i++) {
      const at = full.offset + 16 + 12 * i;
      const start = view.getUint32(at);
      const glyph = view.getUint32(at + 8);
      for (let cp = start; cp <= view.getUint32(at + 4); cp++) if (glyph + cp - start !== 0) map.set(cp, glyph + cp - start);
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
      const delta = view.getInt16(deltas + 2 * s);
      const rangeOffset = view.getUint16(rangeOffsets + 2 * s);
      for (let cp = start; cp <= view.getUint16(ends + 2 * s) && cp !== 0xffff; cp++) {
        const raw = rangeOffset === 0 ? cp : view.getUint16(rangeOffsets + 2 * s + rangeOffset + 2 * (cp - start));
        const glyph = rangeOffset !== 0 && raw === 0 ? 0 : (raw + delta) & 0xffff;
        if (glyph !== 0) map.set(cp, glyph);
      }
    }
  } else throw new Error('font has no Unicode cmap subtable');
  return map;
}

/** Horizontal kerning pairs (left * 65536 + right) from the format 0 subtables of a 'kern' table. */
function readKerning(view: DataView, kern: number): Map<number, number> {
  const pairs = new Map<number, number>();
  if (view.getUint16(kern) !== 0) return pairs; // Apple's variant of the table: not in the fonts shipped here
  let at = kern + 4;
  for (let i = 0; i < view.getUint16(kern + 2); i++) {
    const length = view.getUint16(at + 2);
    const coverage = view.getUint16(at + 4);
    const horizontal = (coverage & 0b111) === 1; // horizontal, not minimum values, not cross-stream
    if (coverage >> 8 === 0 && horizontal)
      for (let p = 0; p < view.getUint16(at + 6); p++) {
        const pair = at + 14 + 6 * p;
        pairs.set(view.getUint16(pair) * 65536 + view.getUint16(pair + 2), view.getInt16(pair + 4));
      }
    at += length;
  }
  return pairs;
}
