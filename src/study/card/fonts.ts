/**
 * The fonts the card is drawn with: shipped in assets/fonts/ (see its README for the source and
 * licence) and loaded explicitly, so the card looks the same in CI, in Docker and on a laptop, with no
 * system fonts and no network. The same files give the text measurements that keep text in its box.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseFont, type FontMetrics } from './font-metrics.js';

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

/** How wide a line of text is drawn, in px (an upper bound: see font-metrics.ts). */
export function textWidth(text: string, style: TextStyle): number {
  return fontMetrics(style.weight).width(text, style.size);
}
