/**
 * An SVG drawing that remembers where its text went: every text is fitted to a box with the shipped
 * font's metrics before it is drawn, and the box is kept, so tests can check that nothing overflows.
 * Text is drawn as the font's glyph outlines where it needs no shaping, else as <text> for resvg
 * (see text-shape.ts).
 */
import { fitText } from './fit-text.js';
import { FONT_FAMILY, fontFile, type TextStyle } from './fonts.js';
import { glyphPath } from './glyph-path.js';
import { element, escapeXml, num, type Attrs } from './svg.js';
import { drawnAsOutlines, placeGlyphs, textExtent } from './text-shape.js';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Align = 'start' | 'middle' | 'end';

/** A drawn line of text and the box it was fitted to. */
export interface TextBox {
  /** Which text this is, e.g. `name` or `domain.2.name`. */
  id: string;
  /** The text as drawn (cut with "…" if it did not fit). */
  text: string;
  /** Where the pen starts (the SVG's x, anchored at the start) and the baseline. */
  x: number;
  y: number;
  /** How the text was placed in its box. */
  align: Align;
  style: TextStyle;
  fill: string;
  /** The space the text must stay in: its width, and the font's full line height at the baseline. */
  box: Rect;
}

export interface TextSpec {
  id: string;
  text: string;
  /** The box's left edge and width. */
  left: number;
  width: number;
  baseline: number;
  style: TextStyle;
  fill: string;
  align?: Align;
  opacity?: number;
}

export class Canvas {
  readonly texts: TextBox[] = [];
  private readonly parts: string[] = [];
  /** Glyph outlines drawn so far, by id (`n36`: weight and glyph). */
  private readonly glyphs = new Map<string, string>();

  constructor(
    readonly width: number,
    readonly height: number,
  ) {}

  add(name: string, attrs: Attrs): void {
    this.parts.push(element(name, attrs));
  }

  rect(r: Rect, fill: string, extra: Attrs = {}): void {
    this.add('rect', { x: r.x, y: r.y, width: Math.max(0, r.width), height: Math.max(0, r.height), fill, ...extra });
  }

  /**
   * Text fitted to its box (cut with "…"), placed at the box's left, centre or right: the text's
   * whole extent, ink overhanging its advance included, goes in the box. The pen position is worked
   * out here with the same metrics, so the SVG anchors every text at its start.
   * Returns the width the drawn text takes (0 if nothing was drawn).
   */
  text(spec: TextSpec): number {
    const align = spec.align ?? 'start';
    const width = Math.max(0, spec.width);
    const text = fitText(spec.text, width, spec.style);
    if (text === '') return 0;
    const font = fontFile(spec.style.weight);
    const box: Rect = {
      x: spec.left,
      y: spec.baseline - font.ascent * spec.style.size,
      width,
      height: (font.ascent + font.descent) * spec.style.size,
    };
    const { left, right } = textExtent(text, spec.style);
    const free = width - (right - left);
    const x = spec.left - left + (align === 'start' ? 0 : align === 'middle' ? free / 2 : free);
    this.texts.push({ id: spec.id, text, x, y: spec.baseline, align, style: spec.style, fill: spec.fill, box });
    if (drawnAsOutlines(text, font)) {
      // One group per text, scaled from font units; one <use> per glyph of the outlines in <defs>.
      const prefix = spec.style.weight === 'bold' ? 'b' : 'n';
      // Written by hand, not with element(): this is the card's hottest loop, and ids and
      // coordinates (integers in font units) need no escaping.
      let uses = '';
      for (const g of placeGlyphs(text, font).glyphs) {
        const id = `${prefix}${g.glyph}`;
        let d = this.glyphs.get(id);
        if (d === undefined) {
          d = glyphPath(font, g.glyph);
          this.glyphs.set(id, d);
        }
        if (d !== '') uses += `<use href="#${id}" x="${g.x}"/>`;
      }
      const transform = `translate(${num(x)} ${num(spec.baseline)}) scale(${spec.style.size / font.unitsPerEm})`;
      this.parts.push(element('g', { 'aria-label': text, transform, fill: spec.fill, opacity: spec.opacity }, uses));
    } else {
      this.parts.push(
        element(
          'text',
          {
            x,
            y: spec.baseline,
            'font-size': spec.style.size,
            'font-weight': spec.style.weight === 'bold' ? 'bold' : undefined,
            fill: spec.fill,
            opacity: spec.opacity,
          },
          escapeXml(text),
        ),
      );
    }
    return right - left;
  }

  /** The drawing as an SVG document, on a background colour if one is given. */
  svg(background?: string): string {
    // Path data is digits, letters, spaces, dots and minus signs: nothing to escape.
    const defs = [...this.glyphs].filter(([, d]) => d !== '').map(([id, d]) => `<path id="${id}" d="${d}"/>`);
    return (
      `<svg xmlns="http://www.w3.org/2000/svg" width="${this.width}" height="${this.height}" viewBox="0 0 ${this.width} ${this.height}"` +
      ` font-family="${FONT_FAMILY}">` +
      (defs.length > 0 ? `<defs>${defs.join('')}</defs>` : '') +
      (background ? element('rect', { width: this.width, height: this.height, fill: background }) : '') +
      this.parts.join('') +
      '</svg>'
    );
  }
}
