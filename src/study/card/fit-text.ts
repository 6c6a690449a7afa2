/**
 * Text made to fit a width: cleaned of what SVG cannot carry, cut at a whole character (grapheme)
 * with "…" when too wide, or wrapped over a few lines. Widths come from the shipped font's metrics.
 */
import { fontFile, type FontWeight, type TextStyle } from './fonts.js';
import { textWidth } from './text-shape.js';

export const ELLIPSIS = '…';

const graphemeSegmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
const graphemes = (text: string) => Array.from(graphemeSegmenter.segment(text), (s) => s.segment);

// Characters XML 1.0 forbids, lone surrogates, and the bidirectional overrides and isolates that
// would carry a name's direction over to the "…" or reorder text around it.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF\u202A-\u202E\u2066-\u2069]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** One line of drawable text: forbidden characters removed, any run of white space one space. */
export function cleanText(text: string): string {
  return text.replace(LONE_SURROGATE, '').replace(FORBIDDEN, '').replace(/\s+/g, ' ').trim();
}

/** A box for a character the font lacks (CJK, most emoji): one per grapheme, not resvg's overlapping ones. */
export const MISSING = '□';

/**
 * The text as the font can draw it: a grapheme whose first character the font lacks becomes one
 * MISSING box (a whole emoji sequence included); other characters it lacks (a joiner, a variation
 * selector) are left out.
 */
export function drawableText(text: string, weight: FontWeight): string {
  const font = fontFile(weight);
  const has = (ch: string) => font.glyphOf(ch.codePointAt(0)!) !== undefined;
  let out = '';
  for (const grapheme of graphemes(text)) {
    const chars = Array.from(grapheme);
    out += has(chars[0]!) ? chars.filter(has).join('') : MISSING;
  }
  return out;
}

/** The text, or its longest start that fits with "…" after it, or "" if not even "…" fits. */
export function fitText(text: string, maxWidth: number, style: TextStyle): string {
  const line = drawableText(cleanText(text), style.weight);
  if (textWidth(line, style) <= maxWidth) return line;
  const parts = graphemes(line);
  const withEllipsis = (n: number) => parts.slice(0, n).join('').trimEnd() + ELLIPSIS;
  let lo = 0; // withEllipsis(lo) fits, or lo = 0 and maybe nothing fits
  let hi = parts.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidth(withEllipsis(mid), style) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  const best = withEllipsis(lo);
  return textWidth(best, style) <= maxWidth ? best : '';
}

/** How many of the leading graphemes fit in the width (maybe 0). */
function fittingPrefix(parts: readonly string[], maxWidth: number, style: TextStyle): number {
  let lo = 0;
  let hi = parts.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidth(parts.slice(0, mid).join(''), style) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The text over at most maxLines lines, broken between words (inside a word only when the word alone
 * is wider than a line); the last line ends with "…" if text was left over.
 */
export function wrapText(text: string, maxWidth: number, style: TextStyle, maxLines: number): string[] {
  const words = drawableText(cleanText(text), style.weight).split(' ').filter(Boolean);
  const lines: string[] = [];
  let current = '';
  let i = 0;
  while (i < words.length && lines.length < maxLines) {
    if (lines.length === maxLines - 1) {
      lines.push(fitText([current, ...words.slice(i)].join(' '), maxWidth, style));
      return lines.filter(Boolean);
    }
    const word = words[i]!;
    const candidate = current ? `${current} ${word}` : word;
    if (textWidth(candidate, style) <= maxWidth) {
      current = candidate;
      i++;
    } else if (current) {
      lines.push(current);
      current = '';
    } else {
      const parts = graphemes(word);
      const n = fittingPrefix(parts, maxWidth, style);
      if (n === 0) {
        lines.push(fitText(words.slice(i).join(' '), maxWidth, style));
        return lines.filter(Boolean);
      }
      lines.push(parts.slice(0, n).join(''));
      words[i] = parts.slice(n).join('');
    }
  }
  if (current) lines.push(current);
  return lines;
}
