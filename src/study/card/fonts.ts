/**
 * The fonts the card is drawn with: shipped in assets/fonts/ (see its README for the source and
 * licence) and loaded explicitly, so the card looks the same in CI, in Docker and on a laptop, with no
 * system fonts and no network. The same files give the text measurements that keep text in its box.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseFont, type FontMetrics, type TextExtent } from './font-metrics.js';

export const FONT_FAMILY = 'DejaVu Sans';

export type FontWeight = 'normal' | 'bold';

// Three levels up from src/study/card/ (or dist/study/card/) is the repository root.
const asset = (name: string) => fileURLToPath(new URL(`../../../assets/fonts/${name}`, import.meta.url));

export const FONT_FILES: Readonly<Record<FontWeight, string>> = {
  normal: asset('DejaVuSans.ttf'),
  bold: asset('DejaVuSans-Bold.ttf'),
};

const loaded = new Map<FontWeight, FontMetrics>();

/** The metrics of one weight, read from its file on first use (a missing file throws here). */
export function fontMetrics(weight: FontWeight): FontMetrics {
  let metrics = loaded.get(weight);
  if (!metrics) {
    metrics = parseFont(readFileSync(FONT_FILES[weight]));
    loaded.set(weight, metrics);
  }
  return metrics;
}

export interface TextStyle {
  size: number;
  weight: FontWeight;
}

/** The room a line of text takes, from where the pen starts, in px (an upper bound: see font-metrics.ts). */
export function textExtent(text: string, style: TextStyle): TextExtent {
  return fontMetrics(style.weight).extent(text, style.size);
}

/** How wide a box a line of text needs, in px: its advance and any ink overhanging it. */
export function textWidth(text: string, style: TextStyle): number {
  const { left, right } = textExtent(text, style);
  return right - left;
}
