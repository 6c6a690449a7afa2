import { Resvg } from '@resvg/resvg-js';
import { cardSvg } from './src/study/card/index.js';
import { RENDER_OPTIONS } from './src/study/card/render.js';
import { SAMPLE_CARDS } from './src/study/card/samples.js';
const svg = cardSvg(SAMPLE_CARDS.typical);
const blank = '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="540"><rect width="800" height="540" fill="#2b2d31"/></svg>';
for (const [label, s] of [['card', svg], ['blank', blank]] as const) {
  const t = [[], [], [], []] as number[][];
  for (let i = 0; i < 40; i++) { let a = performance.now(); cardSvg(SAMPLE_CARDS.typical); t[3]!.push(performance.now() - a); a = performance.now(); const r = new Resvg(s, RENDER_OPTIONS); t[0]!.push(performance.now() - a); a = performance.now(); const img = r.render(); t[1]!.push(performance.now() - a); a = performance.now(); img.asPng(); t[2]!.push(performance.now() - a); }
  console.log(label, 'construct/render/png/layout', t.map((v) => (v.sort((x, y) => x - y), v[20]!.toFixed(2))).join(' / '));
}
