// The stats card: a PNG of the right size and weight for every kind of profile, with every text
// inside its box by the shipped font's own metrics, checked again against what resvg draws.
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { activityGrid } from '../../src/study/card/activity.js';
import { Canvas, type TextBox } from '../../src/study/card/canvas.js';
import { fitText, wrapText } from '../../src/study/card/fit-text.js';
import { fontFile } from '../../src/study/card/fonts.js';
import { drawnAsOutlines, textExtent, textWidth } from '../../src/study/card/text-shape.js';
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  CardDataSchema,
  cardLayout,
  cardSvg,
  renderCard,
  renderCardAsync,
  type CardData,
} from '../../src/study/card/index.js';
import { RENDER_OPTIONS } from '../../src/study/card/render.js';
import { SAMPLE_CARDS, SAMPLE_LOW_SCORE, sampleActivity } from '../../src/study/card/samples.js';

const CARDS: Record<string, CardData> = {
  empty: SAMPLE_CARDS.empty,
  typical: SAMPLE_CARDS.typical,
  extreme: SAMPLE_CARDS.extreme,
  'extreme, score at the minimum, no streak': SAMPLE_LOW_SCORE,
  'hostile text': {
    ...SAMPLE_CARDS.typical,
    name: 'a\u0000<b>&amp;"\'\n\t  \u202Eevil\uD800 ]]> name',
    exam: { short: '<x>', name: '&&&' },
    readiness: { ...SAMPLE_CARDS.empty.readiness, needed: 1_234_567, hint: `${'word '.repeat(200)}` },
    domains: [
      { name: '', mastery: 0.2, attempts: 10 },
      { name: '👩‍👩‍👧‍👦'.repeat(40), mastery: 0.9, attempts: 10 },
      { name: 'מרחב הנתונים והניתוח שלהם בעברית ארוכה', mastery: 0.6, attempts: 10 },
      { name: 'تحليل البيانات الاستكشافي باللغة العربية الطويلة', mastery: 0.6, attempts: 10 },
      { name: '李小龍 数据工程 with Zalgo z̷̢a̶l̵g̸o̴ and JJJJJJJJJJJJJJJJJJJJJJJJJJJJJJJJJ', mastery: 0.6, attempts: 10 },
    ],
    weakTasks: [{ task: '', name: '', mastery: 0.1 }],
  },
};

const EPSILON = 1e-6;
// The SVG writes coordinates to 0.01 px, and resvg computes outlines in 32-bit floats.
const SLACK = 0.01;

function pngInfo(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** Left and right edges of a text as drawn (advance and ink), by the same metrics the layout used. */
function drawnSpan(t: TextBox): [number, number] {
  const { left, right } = textExtent(t.text, t.style);
  return [t.x + left, t.x + right];
}

const overlap = (a: TextBox['box'], b: TextBox['box']) =>
  a.x < b.x + b.width - EPSILON && b.x < a.x + a.width - EPSILON && a.y < b.y + b.height - EPSILON && b.y < a.y + a.height - EPSILON;

describe.each(Object.entries(CARDS))('the %s card', (_, data) => {
  const layout = cardLayout(data);

  it('renders to a PNG of 800×540 under 300 KB', () => {
    const png = renderCard(data);
    expect(pngInfo(png)).toEqual({ width: CARD_WIDTH, height: CARD_HEIGHT });
    expect(png.length).toBeLessThan(300 * 1024);
  });

  it('keeps every text inside its box, every box on the card, and no two boxes overlapping', () => {
    expect(layout.texts.length).toBeGreaterThan(10);
    for (const t of layout.texts) {
      const [left, right] = drawnSpan(t);
      const where = `${t.id} "${t.text}"`;
      expect(t.text, where).not.toBe('');
      expect(left, where).toBeGreaterThanOrEqual(t.box.x - EPSILON);
      expect(right, where).toBeLessThanOrEqual(t.box.x + t.box.width + EPSILON);
      const { ascent, descent } = fontFile(t.style.weight);
      expect(t.box.y, where).toBeCloseTo(t.y - ascent * t.style.size, 6);
      expect(t.box.height, where).toBeCloseTo((ascent + descent) * t.style.size, 6);
      expect(t.box.x, where).toBeGreaterThanOrEqual(0);
      expect(t.box.y, where).toBeGreaterThanOrEqual(0);
      expect(t.box.x + t.box.width, where).toBeLessThanOrEqual(CARD_WIDTH);
      expect(t.box.y + t.box.height, where).toBeLessThanOrEqual(CARD_HEIGHT);
    }
    const clashes = layout.texts.flatMap((a, i) =>
      layout.texts.slice(i + 1).flatMap((b) => (overlap(a.box, b.box) ? [`${a.id} × ${b.id}`] : [])),
    );
    expect(clashes).toEqual([]);
  });

  it('writes an SVG that parses, with one text element or glyph group per text box', () => {
    expect(() => new Resvg(layout.svg, RENDER_OPTIONS)).not.toThrow();
    const drawn = (layout.svg.match(/<text[ >]/g)?.length ?? 0) + (layout.svg.match(/<g aria-label=/g)?.length ?? 0);
    expect(drawn).toBe(layout.texts.length);
    expect(cardSvg(data)).toBe(layout.svg);
  });

  it('renders the same bytes every time, off the event loop too', async () => {
    const png = renderCard(data);
    expect(png.equals(renderCard(data))).toBe(true);
    expect(png.equals(await renderCardAsync(data))).toBe(true);
  });
});

describe('what the cards say', () => {
  const texts = (data: CardData) => cardLayout(data).texts;
  const byId = (data: CardData, id: string) => texts(data).find((t) => t.id === id)?.text;

  it('a typical card: the score, the chance to pass, the interval, the streak, the weak tasks', () => {
    const data = SAMPLE_CARDS.typical;
    expect(byId(data, 'name')).toBe('Priya Raman');
    expect(byId(data, 'exam.short')).toBe('MLS-C01');
    expect(byId(data, 'readiness.score')).toBe('782');
    expect(byId(data, 'readiness.likely.0')).toBe('73% likely to pass');
    expect(byId(data, 'readiness.range')).toBe('range 731–829');
    expect(byId(data, 'readiness.pass')).toBe('pass 750');
    expect(byId(data, 'streak')).toBe('Streak 12 days · best 30');
    expect(byId(data, 'domain.0.value')).toBe('81%');
    expect(byId(data, 'domain.3.value')).toBe('few answers');
    expect(byId(data, 'weak.0.task')).toBe('3.4');
    expect(byId(data, 'weak.0.value')).toBe('31%');
    expect(
      texts(data)
        .filter((t) => t.id.startsWith('activity.weekday.'))
        .map((t) => t.text),
    ).toEqual(['Mon', 'Wed', 'Fri', 'Sun']);
  });

  it('an empty profile: how many answers are missing and the hint, no score', () => {
    const data = SAMPLE_CARDS.empty;
    expect(byId(data, 'readiness.needed.0')).toBe('Not enough answers yet: 34 more');
    expect(
      texts(data)
        .filter((t) => t.id.startsWith('readiness.hint.'))
        .map((t) => t.text),
    ).toEqual(['Answer questions from every domain with /quiz', 'to get a predicted score.']);
    expect(byId(data, 'readiness.score')).toBeUndefined();
    expect(byId(data, 'streak')).toBe('No streak yet');
    expect(byId(data, 'activity.total')).toBe('0 answers');
    expect(byId(data, 'domain.0.value')).toBe('no answers');
    expect(byId(data, 'weak.none.0')).toMatch(/^Answer a few questions/);
  });

  it('an extreme profile: long texts cut with "…", numbers whole', () => {
    const data = SAMPLE_CARDS.extreme;
    expect(byId(data, 'name')).toMatch(/^Maximilian .*…$/);
    expect(byId(data, 'exam.short')).toMatch(/…$/);
    expect(byId(data, 'domain.0.name')).toMatch(/^Machine Learning .*…$/);
    expect(byId(data, 'streak')).toBe('Streak 1,000 days · best 1,000');
    expect(byId(data, 'readiness.score')).toBe('1,000');
    expect([byId(data, 'readiness.likely.0'), byId(data, 'readiness.likely.1')]).toEqual(['>99%', 'likely to pass']);
    expect(byId(SAMPLE_LOW_SCORE, 'readiness.score')).toBe('100');
    expect(byId(SAMPLE_LOW_SCORE, 'streak')).toBe('No streak yet');
    expect(byId(SAMPLE_LOW_SCORE, 'name')).toBe('Anonymous');
    // The last day is a Wednesday: 11 weeks and 3 days are shown.
    const shown = data.activity.slice(-(11 * 7 + 3)).reduce((sum, d) => sum + d.answers, 0);
    expect(byId(data, 'activity.total')).toBe(`${shown.toLocaleString('en-US')} answers`);
  });
});

describe('the font metrics', () => {
  // resvg's own bounding box of each text, drawn alone in its box the same way: the ink must stay in
  // the box the layout measured (SLACK for rounding in resvg's outlines).
  it('agree with what resvg draws, for every text of every card', () => {
    let asText = 0;
    for (const data of Object.values(CARDS)) {
      for (const t of cardLayout(data).texts) {
        const alone = new Canvas(CARD_WIDTH, CARD_HEIGHT);
        alone.text({
          id: t.id,
          text: t.text,
          left: t.box.x,
          width: t.box.width,
          baseline: t.y,
          style: t.style,
          fill: '#fff',
          align: t.align,
        });
        expect(alone.texts[0]).toEqual({ ...t, fill: '#fff' });
        if (!drawnAsOutlines(t.text, fontFile(t.style.weight))) asText++;
        const ink = new Resvg(alone.svg(), RENDER_OPTIONS).getBBox();
        if (!ink) continue; // white space only
        const where = `${t.id} "${t.text}"`;
        expect(ink.x, where).toBeGreaterThanOrEqual(t.box.x - SLACK);
        expect(ink.x + ink.width, where).toBeLessThanOrEqual(t.box.x + t.box.width + SLACK);
        expect(ink.y, where).toBeGreaterThanOrEqual(t.box.y - SLACK);
        expect(ink.y + ink.height, where).toBeLessThanOrEqual(t.box.y + t.box.height + SLACK);
      }
    }
    expect(asText).toBeGreaterThanOrEqual(3); // the <text> route (Hebrew, Arabic, marks) was checked too
  });

  it('draw outlines that match what resvg draws from the font file for the same text', () => {
    for (const weight of ['normal', 'bold'] as const) {
      const text = 'AVATAR To Ærø Œuvre Ĳssel ñ Привет Ελλάδα 0123456789 %·–…';
      const style = { size: 32, weight };
      const font = fontFile(weight);
      expect(drawnAsOutlines(text, font)).toBe(true);
      const ours = new Canvas(1400, 80);
      ours.text({ id: 't', text, left: 10, width: 1380, baseline: 60, style, fill: '#fff' });
      expect(ours.texts[0]!.text).toBe(text);
      const theirs = `<svg xmlns="http://www.w3.org/2000/svg" width="1400" height="80"><text x="${ours.texts[0]!.x}" y="60" font-family="DejaVu Sans" font-size="32" font-weight="${weight}" fill="#fff">${text}</text></svg>`;
      const a = new Resvg(ours.svg('#000'), RENDER_OPTIONS).render().pixels;
      const b = new Resvg(theirs.replace('<text', '<rect width="1400" height="80" fill="#000"/><text'), RENDER_OPTIONS).render().pixels;
      let ink = 0;
      let difference = 0;
      for (let i = 0; i < a.length; i += 4) {
        ink += a[i]!;
        difference += Math.abs(a[i]! - b[i]!);
      }
      // The same glyphs at the same places, kerning included: the same pixels (0.0000 when written).
      expect(difference / ink, weight).toBeLessThan(0.005);
    }
  });

  it('measure scripts, marks and missing characters no narrower than resvg draws them', () => {
    const style = { size: 40, weight: 'normal' as const };
    for (const text of ['AVATAR To', 'Привет', 'Ελληνικά', 'שלום', 'مرحبا', 'e\u0301a\u0308', '漢字', '😀', 'ffi fl']) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="100"><text x="0" y="60" font-family="DejaVu Sans" font-size="40">${text}</text></svg>`;
      const ink = new Resvg(svg, RENDER_OPTIONS).getBBox()!;
      const { left, right } = textExtent(text, style);
      expect(ink.x, text).toBeGreaterThanOrEqual(left - SLACK);
      expect(ink.x + ink.width, text).toBeLessThanOrEqual(right + SLACK);
    }
  });
});

describe('fitting text', () => {
  const body = { size: 14, weight: 'normal' as const };

  it('keeps text that fits, cuts what does not at a whole character with "…"', () => {
    expect(fitText('Modeling', 200, body)).toBe('Modeling');
    const cut = fitText('Machine Learning Implementation and Operations', 150, body);
    expect(cut).toMatch(/^Machine Learning.*…$/);
    expect(textWidth(cut, body)).toBeLessThanOrEqual(150);
    expect(fitText('ab👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦', 40, body)).toMatch(/^ab(👩‍👩‍👧‍👦)*…$/u);
    expect(fitText('e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301', 30, body)).toMatch(/^(e\u0301)+…$/);
    expect(fitText('anything', 2, body)).toBe('');
  });

  it('wraps between words, inside a word only when it is longer than a line, and ends with "…" when out of lines', () => {
    expect(wrapText('one two three', 1000, body, 2)).toEqual(['one two three']);
    const lines = wrapText('Pick the right model or models for an ML problem', 170, body, 2);
    expect(lines).toHaveLength(2);
    expect(lines[0]).not.toMatch(/…/);
    expect(lines[1]).toMatch(/…$/);
    expect(wrapText('x'.repeat(100), 100, body, 3).every((l) => textWidth(l, body) <= 100)).toBe(true);
    expect(wrapText('', 100, body, 3)).toEqual([]);
  });
});

describe('the card data', () => {
  const typical = SAMPLE_CARDS.typical;
  const domain = { name: 'D', mastery: 0.5, attempts: 1 };

  it('takes 2 to 6 domains, up to 3 weak tasks, shares in 0..1 and consecutive days', () => {
    expect(CardDataSchema.safeParse(typical).success).toBe(true);
    expect(CardDataSchema.safeParse({ ...typical, domains: [domain] }).success).toBe(false);
    expect(CardDataSchema.safeParse({ ...typical, domains: Array(7).fill(domain) }).success).toBe(false);
    expect(CardDataSchema.safeParse({ ...typical, weakTasks: Array(4).fill(typical.weakTasks[0]) }).success).toBe(false);
    expect(CardDataSchema.safeParse({ ...typical, domains: [domain, { ...domain, mastery: 1.2 }] }).success).toBe(false);
    const notADay = typical.activity.map((a, i) => (i === 83 ? { ...a, day: '2026-02-30' } : a));
    expect(CardDataSchema.safeParse({ ...typical, activity: notADay }).success).toBe(false);
    const gap = typical.activity.filter((_, i) => i !== 40);
    expect(CardDataSchema.safeParse({ ...typical, activity: gap }).success).toBe(false);
    expect(CardDataSchema.safeParse({ ...typical, readiness: { ...typical.readiness, score: null } }).success).toBe(false);
    expect(() => cardSvg({ ...typical, activity: [] })).toThrow();
  });
});

describe('the activity grid', () => {
  it('has 12 Monday-first weeks ending with the week of the last day, and nothing after that day', () => {
    const grid = activityGrid(sampleActivity('2026-03-18', (i) => i)); // a Wednesday
    expect(grid.cells).toHaveLength(11 * 7 + 3);
    const last = grid.cells[grid.cells.length - 1]!;
    expect(last).toMatchObject({ week: 11, weekday: 2, day: '2026-03-18', answers: 83 });
    expect(grid.cells[0]).toMatchObject({ week: 0, weekday: 0, day: '2025-12-29' });
    expect(grid.months.map((m) => m.label)).toEqual(['Jan', 'Feb', 'Mar']);
    expect(grid.total).toBe(grid.cells.reduce((s, c) => s + c.answers, 0));
  });

  it('shades by answers a day, 9999 as the top shade', () => {
    const grid = activityGrid([
      { day: '2026-03-15', answers: 0 },
      { day: '2026-03-16', answers: 4 },
      { day: '2026-03-17', answers: 29 },
      { day: '2026-03-18', answers: 9999 },
    ]);
    expect(grid.cells.slice(-4).map((c) => c.level)).toEqual([0, 1, 3, 4]);
  });
});
