// The part of opentype.js 1.3 the card uses. Its @types package pulls the DOM library into every
// file of the project, so it is declared here instead.
declare module 'opentype.js' {
  export type PathCommand =
    | { type: 'M' | 'L'; x: number; y: number }
    | { type: 'Q'; x1: number; y1: number; x: number; y: number }
    | { type: 'C'; x1: number; y1: number; x2: number; y2: number; x: number; y: number }
    | { type: 'Z' };

  export interface Glyph {
    advanceWidth?: number;
    /** Set once `path` has been read. */
    xMin?: number;
    xMax?: number;
    path: { commands: PathCommand[] };
  }

  export interface Font {
    unitsPerEm: number;
    ascender: number;
    descender: number;
    /** Pairs from the 'kern' table, keyed "left,right" by glyph index. */
    kerningPairs: Record<string, number | undefined>;
    glyphs: { get(index: number): Glyph };
    charToGlyphIndex(s: string): number;
  }

  const opentype: { parse(buffer: ArrayBuffer): Font };
  export default opentype;
}
