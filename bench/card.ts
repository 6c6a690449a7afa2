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
 * before it draws anything (filling and encoding 800×540 pixels). Card and blank alternate, so both
 * see the same garbage collections and the same load from the rest of the machine. The layout alone
 * (card.layout.p50_ms) is timed too: it is the part that is ours.
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
  const cardCpu: number[] = [];
  const base: number[] = [];
  const baseCpu: number[] = [];
  const layout: number[] = [];
  // Wall time is what a person waits; CPU time (this process's, user + system) also shows the work
  // done when other processes share the machine's two cores.
  const timed = (wall: number[], cpu: number[], f: () => unknown) => {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    f();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  };
  for (let i = 0; i < RUNS; i++) {
    timed(card, cardCpu, () => renderCard(data));
    timed(base, baseCpu, renderBlank);
    timed(layout, [], () => cardSvg(data));
  }
  return [
    { name: 'card.render.p50_ms', value: round(median(card), 2) },
    { name: 'card.render.p99_ms', value: round(percentile(card, 99), 2) },
    { name: 'card.render.cpu_p50_ms', value: round(median(cardCpu), 2) },
    { name: 'card.png_bytes', value: bytes },
    { name: 'card.layout.p50_ms', value: round(median(layout), 2) },
    { name: 'card.baseline.render_blank.p50_ms', value: round(median(base), 2) },
    { name: 'card.baseline.render_blank.p99_ms', value: round(percentile(base, 99), 2) },
    { name: 'card.baseline.render_blank.cpu_p50_ms', value: round(median(baseCpu), 2) },
  ];
}
