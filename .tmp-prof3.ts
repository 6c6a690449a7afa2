import { renderCard } from './src/study/card/index.js';
import { SAMPLE_CARDS } from './src/study/card/samples.js';
for (let i = 0; i < 10; i++) renderCard(SAMPLE_CARDS.typical);
const c0 = process.cpuUsage(); const w0 = performance.now();
for (let i = 0; i < 50; i++) renderCard(SAMPLE_CARDS.typical);
const c = process.cpuUsage(c0); const w = performance.now() - w0;
console.log('cpu ms/render', ((c.user + c.system) / 1000 / 50).toFixed(2), 'wall ms/render', (w / 50).toFixed(2));
