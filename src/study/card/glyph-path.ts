/**
 * A glyph's outline as SVG path data in font units, y pointing down (SVG's way), origin on the
 * baseline at the pen: drawn at any size by scaling. Kept per font, so each glyph is written once.
 */
import type { FontFile, OutlinePoint } from './font-file.js';

const written = new WeakMap<FontFile, Map<number, string>>();

export function glyphPath(font: FontFile, glyph: number): string {
  let paths = written.get(font);
  if (!paths) {
    paths = new Map();
    written.set(font, paths);
  }
  let d = paths.get(glyph);
  if (d === undefined) {
    d = outlinePath(font.outline(glyph));
    paths.set(glyph, d);
  }
  return d;
}

/** TrueType contours are quadratic: between two off-curve points lies an implied on-curve point. */
function outlinePath(contours: readonly OutlinePoint[][]): string {
  const at = (p: { x: number; y: number }) => `${p.x} ${-p.y}`;
  const mid = (a: OutlinePoint, b: OutlinePoint): OutlinePoint => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, onCurve: true });
  let d = '';
  for (const contour of contours) {
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
