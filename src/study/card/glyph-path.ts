/** A glyph's outline as SVG path data, at a font size, origin on the baseline at the pen. */
import type { FontFile, OutlinePoint } from './font-file.js';
import { num } from './svg.js';

/** TrueType contours are quadratic: between two off-curve points lies an implied on-curve point. */
export function glyphPath(font: FontFile, glyph: number, size: number): string {
  const scale = size / font.unitsPerEm;
  const at = (p: { x: number; y: number }) => `${num(p.x * scale)} ${num(-p.y * scale)}`;
  const mid = (a: OutlinePoint, b: OutlinePoint): OutlinePoint => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, onCurve: true });
  let d = '';
  for (const contour of font.outline(glyph)) {
    if (contour.length === 0) continue;
    const first = contour[0]!;
    const last = contour[contour.length - 1]!;
    // Start on a point on the curve; walk the others, then back to the start.
    const [start, rest] = first.onCurve
      ? [first, contour.slice(1)]
      : last.onCurve
        ? [last, contour.slice(0, -1)]
        : [mid(last, first), contour];
    d += `M${at(start)}`;
    let control: OutlinePoint | null = null;
    for (const p of [...rest, start]) {
      if (p.onCurve) {
        d += control ? `Q${at(control)} ${at(p)}` : `L${at(p)}`;
        control = null;
      } else {
        if (control) d += `Q${at(control)} ${at(mid(control, p))}`;
        control = p;
      }
    }
    d += 'Z';
  }
  return d;
}
