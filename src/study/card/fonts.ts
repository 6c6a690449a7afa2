/**
 * The fonts the card is drawn with: shipped in assets/fonts/ (see its README for the source and
 * licence) and loaded explicitly, so the card looks the same in CI, in Docker and on a laptop, with no
 * system fonts and no network. The same files give the measurements that keep text in its box.
 */
import { readFileSync } from 'node:fs';
import { packagePath } from '../../paths.js';
import { parseFont, type FontFile } from './font-file.js';

export const FONT_FAMILY = 'DejaVu Sans';

export type FontWeight = 'normal' | 'bold';

export interface TextStyle {
  size: number;
  weight: FontWeight;
}

const asset = (name: string) => packagePath('assets', 'fonts', name);

export const FONT_FILES: Readonly<Record<FontWeight, string>> = {
  normal: asset('DejaVuSans.ttf'),
  bold: asset('DejaVuSans-Bold.ttf'),
};

const loaded = new Map<FontWeight, FontFile>();

/** One weight's font, read from its file on first use (a missing file throws here, not later). */
export function fontFile(weight: FontWeight): FontFile {
  let font = loaded.get(weight);
  if (!font) {
    font = parseFont(readFileSync(FONT_FILES[weight]));
    loaded.set(weight, font);
  }
  return font;
}
