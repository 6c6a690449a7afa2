import { performance } from 'node:perf_hooks';
import { Resvg } from '@resvg/resvg-js';
import { CARD_HEIGHT, CARD_WIDTH, cardSvg, renderCard } from '../src/study/card/index.js';
import { RENDER_OPTIONS } from '../src/study/card/render.js';
import { SAMPLE_CARDS } from '../src/study/card/samples.js';
import { THEME } from '../src/study/card/theme.js';
import { median, percentile, round, type Figure } from './stats.js';

const WARMUP = 20;
const RUNS = 200;

/**
 * The typical stats card rendered to PNG (layout, resvg, PNG encoding), against a same-run baseline:
 * resvg with the same font options drawing a blank SVG of the same size, i.e. what any card costs
 * before it draws anything (loading the fonts, filling and encoding 800×540 pixels). Card and blank
 * alternate, so both see the same garbage collections and the same load from the rest of the machine.
 */
export async function run(): Promise<Figure[]> {
  const data = SAMPLE_CARDS.typical;
  const blank = `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}"><rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="${THEME.background}"/></svg>`;
  const renderBlank = () => new Resvg(blank, RENDER_OPTIONS).render().asPng();

  let bytes = 0;
  for (let i = 0; i < WARMUP; i++) {
    bytes = renderCard(data).length;
    renderBlank();
    cardSvg(data);
  }
  const card: number[] = [];
  const base: number[] = [];
  const layout: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let start = performance.now();
    renderCard(data);
    card.push(performance.now() - start);
    start = performance.now();
    renderBlank();
    base.push(performance.now() - start);
    start = performance.now();
    cardSvg(data);
    layout.push(performance.now() - start);
  }
  return [
    { name: 'card.render.p50_ms', value: round(median(card), 2) },
    { name: 'card.render.p99_ms', value: round(percentile(card, 99), 2) },
    { name: 'card.png_bytes', value: bytes },
    { name: 'card.layout.p50_ms', value: round(median(layout), 2) },
    { name: 'card.baseline.render_blank.p50_ms', value: round(median(base), 2) },
  ];
}
