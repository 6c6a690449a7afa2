/**
 * The card as a PNG, drawn by resvg with the shipped fonts only: no system fonts, no network, the
 * same picture on every machine.
 */
import { Resvg, renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import type { CardData } from './card-data.js';
import { FONT_FAMILY, FONT_FILES } from './fonts.js';
import { cardSvg } from './layout.js';

/** resvg's options for the card: the shipped fonts, nothing else. */
export const RENDER_OPTIONS: ResvgRenderOptions = {
  font: {
    fontFiles: [FONT_FILES.normal, FONT_FILES.bold],
    loadSystemFonts: false,
    defaultFontFamily: FONT_FAMILY,
    sansSerifFamily: FONT_FAMILY,
  },
  // A character the fonts lack is drawn as a box; resvg would also log a warning for each.
  logLevel: 'off',
};

/** Any SVG as a PNG with the card's fonts. */
export function renderSvg(svg: string): Buffer {
  return new Resvg(svg, RENDER_OPTIONS).render().asPng();
}

/** The stats card as a PNG (800×540). Throws a ZodError if the data does not fit the schema. */
export function renderCard(data: CardData): Buffer {
  return renderSvg(cardSvg(data));
}

/** The same PNG, drawn on libuv's thread pool so a bot's event loop keeps running meanwhile. */
export async function renderCardAsync(data: CardData): Promise<Buffer> {
  return (await renderAsync(cardSvg(data), RENDER_OPTIONS)).asPng();
}
