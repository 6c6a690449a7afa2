/**
 * The stats card as SVG: pure layout, no rendering. Every text is fitted to a box measured with the
 * shipped font, and the boxes are returned with the SVG (`cardLayout`) so a test can check them.
 *
 * ┌ name ………………………………………………  [EXAM] ┐
 * │ exam name                 🔥 streak  │
 * ├ readiness ─────────┬ mastery ────────┤
 * ├ activity heatmap ──┴ weakest tasks ──┘
 */
import { activityGrid, LEVEL_FLOORS, WEEKS } from './activity.js';
import { Canvas, type Rect, type TextBox } from './canvas.js';
import { CardDataSchema, type CardData } from './card-data.js';
import { cleanText, fitText, wrapText } from './fit-text.js';
import type { FontWeight, TextStyle } from './fonts.js';
import { textWidth } from './text-shape.js';
import { THEME } from './theme.js';

export const CARD_WIDTH = 800;
export const CARD_HEIGHT = 540;

const PAD = 24;
const GAP = 16;
const INSET = 16;
const COLUMN = (CARD_WIDTH - 2 * PAD - GAP) / 2;
const TOP_ROW = { y: 114, height: 206 };
const BOTTOM_ROW = { y: 334, height: 182 };
/** Where the readiness scale's track runs, from its panel's top. */
const TRACK_Y = 160;

/** Mastery from this share up draws green, below the weak share red; fewer answers than FEW draw faint. */
const STRONG = 0.7;
const WEAK = 0.5;
const FEW = 5;

const style = (size: number, weight: FontWeight = 'normal'): TextStyle => ({ size, weight });
const TITLE = style(14, 'bold');

export interface CardLayout {
  width: number;
  height: number;
  /** Every text drawn, with the box it was fitted to. */
  texts: readonly TextBox[];
  svg: string;
}

/** The card's SVG and where its texts went. Throws a ZodError if the data does not fit the schema. */
export function cardLayout(input: CardData): CardLayout {
  const data = CardDataSchema.parse(input);
  const c = new Canvas(CARD_WIDTH, CARD_HEIGHT);
  header(c, data);
  const left = PAD;
  const right = PAD + COLUMN + GAP;
  readiness(c, data.readiness, panel(c, left, TOP_ROW));
  mastery(c, data.domains, panel(c, right, TOP_ROW));
  activity(c, data.activity, panel(c, left, BOTTOM_ROW));
  weakTasks(c, data, panel(c, right, BOTTOM_ROW));
  return { width: c.width, height: c.height, texts: c.texts, svg: c.svg(THEME.background) };
}

/** The card as an SVG document (800×540). */
export function cardSvg(data: CardData): string {
  return cardLayout(data).svg;
}

const whole = (n: number) => Math.round(n).toLocaleString('en-US');
const percent = (share: number) => `${Math.round(share * 100)}%`;
const plural = (n: number, one: string, many: string) => `${whole(n)} ${n === 1 ? one : many}`;

/** A panel's background; returns its inner box. */
function panel(c: Canvas, x: number, row: { y: number; height: number }): Rect {
  c.rect({ x, y: row.y, width: COLUMN, height: row.height }, THEME.panel, { rx: 12 });
  return { x: x + INSET, y: row.y, width: COLUMN - 2 * INSET, height: row.height };
}

function title(c: Canvas, id: string, text: string, box: Rect, width = box.width): void {
  c.text({ id, text, left: box.x, width, baseline: box.y + 28, style: TITLE, fill: THEME.muted });
}

// A flame in a 12×16 box, for the streak (the emoji is in few fonts).
const FLAME =
  'M6 0C7 3.5 12 5.5 12 10.5C12 13.8 9.3 16 6 16C2.7 16 0 13.8 0 10.5C0 7.5 2 5.8 3.2 3.8C3.6 5.5 4.4 6.6 5.5 7C5.8 4.8 5.6 2.4 6 0Z';
const FLAME_CORE =
  'M6 8C7 9.6 9 10.6 9 12.6C9 14.4 7.6 15.6 6 15.6C4.4 15.6 3 14.4 3 12.6C3 11.2 4 10.2 4.6 9.4C4.9 10.4 5.4 11 6 11.2C6.1 10.2 5.9 9 6 8Z';

function header(c: Canvas, data: CardData): void {
  const right = CARD_WIDTH - PAD;
  const full = CARD_WIDTH - 2 * PAD;

  // Row 1: the name, and the exam's short name in a pill on the right (at most a third of the row).
  const pillStyle = style(15, 'bold');
  const short = fitText(data.exam.short, full / 3 - 24, pillStyle);
  const pillWidth = short ? textWidth(short, pillStyle) + 24 : 0;
  if (short) {
    c.rect({ x: right - pillWidth, y: 28, width: pillWidth, height: 30 }, THEME.neutral, { rx: 15 });
    c.text({
      id: 'exam.short',
      text: short,
      left: right - pillWidth + 12,
      width: pillWidth - 24,
      baseline: 48,
      style: pillStyle,
      fill: THEME.text,
    });
  }
  const name = cleanText(data.name) || 'Anonymous';
  c.text({ id: 'name', text: name, left: PAD, width: full - pillWidth - GAP, baseline: 54, style: style(30, 'bold'), fill: THEME.text });

  // Row 2: the exam's name, and the streak with a flame on the right (its numbers are never cut).
  const { current, best } = data.streak;
  const streakStyle = style(15);
  const streak = fitText(
    current > 0
      ? `Streak ${plural(current, 'day', 'days')} · best ${whole(best)}`
      : best > 0
        ? `No streak today · best ${whole(best)}`
        : 'No streak yet',
    full / 2,
    streakStyle,
  );
  const streakWidth = textWidth(streak, streakStyle);
  const flame = 20;
  c.text({
    id: 'streak',
    text: streak,
    left: right - streakWidth,
    width: streakWidth,
    baseline: 84,
    style: streakStyle,
    fill: current > 0 ? THEME.text : THEME.muted,
  });
  const flameAt = `translate(${right - streakWidth - flame + 2} 69)`;
  c.add('path', { d: FLAME, fill: current > 0 ? THEME.flame : THEME.track, transform: flameAt });
  if (current > 0) c.add('path', { d: FLAME_CORE, fill: THEME.flameCore, transform: flameAt });
  c.text({
    id: 'exam.name',
    text: data.exam.name,
    left: PAD,
    width: full - streakWidth - flame - GAP,
    baseline: 84,
    style: style(15),
    fill: THEME.muted,
  });

  c.rect({ x: PAD, y: 99, width: full, height: 1 }, THEME.divider);
}

function readiness(c: Canvas, r: CardData['readiness'], box: Rect): void {
  const { x: left, width, y: top } = box;
  title(c, 'readiness.title', 'Predicted exam score', box);
  if (!r.enough || r.score === null || r.low === null || r.high === null || r.passProbability === null) {
    notEnough(c, r, box);
    return;
  }
  const passed = r.score >= r.pass;
  const colour = passed ? THEME.pass : THEME.fail;
  // The score's box is the score itself, so the lines beside it can start right after it.
  const scoreStyle = style(56, 'bold');
  const score = fitText(whole(r.score), 190, scoreStyle);
  const scoreWidth = textWidth(score, scoreStyle);
  c.text({ id: 'readiness.score', text: score, left, width: scoreWidth, baseline: top + 90, style: scoreStyle, fill: colour });

  const sideLeft = left + scoreWidth + 16;
  const sideWidth = left + width - sideLeft;
  const p = r.passProbability;
  const chance = p > 0 && p < 0.005 ? '<1%' : p < 1 && p >= 0.995 ? '>99%' : percent(p);
  const lineStyle = style(17, 'bold');
  // One line, or the chance over "likely to pass" when a four-digit score leaves too little room.
  const oneLine = `${chance} likely to pass`;
  const lines = textWidth(oneLine, lineStyle) <= sideWidth ? [oneLine] : [chance, 'likely to pass'];
  const firstBaseline = lines.length > 1 ? top + 56 : top + 64;
  lines.forEach((line, i) =>
    c.text({
      id: `readiness.likely.${i}`,
      text: line,
      left: sideLeft,
      width: sideWidth,
      baseline: firstBaseline + 21 * i,
      style: lineStyle,
      fill: p >= 0.5 ? THEME.pass : THEME.fail,
    }),
  );
  c.text({
    id: 'readiness.range',
    text: `range ${whole(r.low)}–${whole(r.high)}`,
    left: sideLeft,
    width: sideWidth,
    baseline: firstBaseline + 21 * (lines.length - 1) + 24,
    style: style(14),
    fill: THEME.muted,
  });

  const x = scale(c, r, box);
  c.add('circle', { cx: x(r.score), cy: TRACK_Y + top, r: 8, fill: colour, stroke: THEME.panel, 'stroke-width': 3 });
}

/**
 * The score scale min..max with the pass mark, and the likely interval as a band when there is one.
 * Returns where a score falls on it.
 */
function scale(c: Canvas, r: CardData['readiness'], box: Rect): (score: number) => number {
  const { x: left, width } = box;
  const trackY = box.y + TRACK_Y;
  const x0 = left + 9;
  const x1 = left + width - 9;
  const at = (v: number) => x0 + ((Math.min(r.max, Math.max(r.min, v)) - r.min) / (r.max - r.min)) * (x1 - x0);
  c.rect({ x: x0, y: trackY - 3, width: x1 - x0, height: 6 }, THEME.track, { rx: 3 });
  if (r.enough && r.low !== null && r.high !== null && r.score !== null) {
    // At least as wide as the dot, kept on the track.
    const lowX = at(Math.min(r.low, r.high));
    const highX = at(Math.max(r.low, r.high));
    const bandWidth = Math.max(16, highX - lowX);
    const bandLeft = Math.min(x1 + 8 - bandWidth, Math.max(x0 - 8, (lowX + highX) / 2 - bandWidth / 2));
    c.rect({ x: bandLeft, y: trackY - 8, width: bandWidth, height: 16 }, r.score >= r.pass ? THEME.pass : THEME.fail, {
      rx: 8,
      opacity: 0.45,
    });
  }
  const passX = at(r.pass);
  c.rect({ x: passX - 1, y: trackY - 14, width: 2, height: 28 }, THEME.text);
  const passLabel = `pass ${whole(r.pass)}`;
  const labelStyle = style(13);
  const labelWidth = Math.min(width, textWidth(passLabel, labelStyle) + 4);
  const labelLeft = Math.min(left + width - labelWidth, Math.max(left, passX - labelWidth / 2));
  c.text({
    id: 'readiness.pass',
    text: passLabel,
    left: labelLeft,
    width: labelWidth,
    baseline: trackY - 21,
    align: 'middle',
    style: labelStyle,
    fill: THEME.text,
  });
  const ends = style(13);
  const half = width / 2 - 4;
  const baseline = trackY + 30;
  c.text({ id: 'readiness.min', text: whole(r.min), left, width: half, baseline, style: ends, fill: THEME.faint });
  c.text({
    id: 'readiness.max',
    text: whole(r.max),
    left: left + width - half,
    width: half,
    baseline,
    align: 'end',
    style: ends,
    fill: THEME.faint,
  });
  return at;
}

function notEnough(c: Canvas, r: CardData['readiness'], box: Rect): void {
  const { x: left, width, y: top } = box;
  const heading = r.needed === null ? 'Not enough answers yet' : `Not enough answers yet: ${whole(r.needed)} more`;
  const headingStyle = style(16, 'bold');
  const headingLines = wrapText(heading, width, headingStyle, 2);
  headingLines.forEach((line, i) =>
    c.text({ id: `readiness.needed.${i}`, text: line, left, width, baseline: top + 58 + 21 * i, style: headingStyle, fill: THEME.notYet }),
  );
  // The hint takes the lines left above the scale's pass label.
  const hintStyle = style(14);
  const hintTop = top + 58 + 21 * (headingLines.length - 1) + 26;
  const lastBaseline = top + TRACK_Y - 21 - 12 - 4;
  const room = Math.max(0, Math.floor((lastBaseline - hintTop) / 19) + 1);
  wrapText(r.hint ?? '', width, hintStyle, room).forEach((line, i) =>
    c.text({ id: `readiness.hint.${i}`, text: line, left, width, baseline: hintTop + 19 * i, style: hintStyle, fill: THEME.muted }),
  );
  scale(c, r, box);
}

function mastery(c: Canvas, domains: CardData['domains'], box: Rect): void {
  const { x: left, width, y: top } = box;
  title(c, 'mastery.title', 'Mastery by domain', box);
  const first = top + 44;
  const pitch = Math.min(40, (top + box.height - 10 - first) / domains.length);
  const valueWidth = 96;
  domains.forEach((d, i) => {
    const y = first + i * pitch;
    const few = d.attempts < FEW;
    const colour = few ? THEME.faint : d.mastery >= STRONG ? THEME.pass : d.mastery < WEAK ? THEME.fail : THEME.neutral;
    c.text({
      id: `domain.${i}.name`,
      text: d.name,
      left,
      width: width - valueWidth - 8,
      baseline: y + 12,
      style: style(14),
      fill: few ? THEME.muted : THEME.text,
    });
    c.text({
      id: `domain.${i}.value`,
      text: few ? (d.attempts === 0 ? 'no answers' : 'few answers') : percent(d.mastery),
      left: left + width - valueWidth,
      width: valueWidth,
      baseline: y + 12,
      align: 'end',
      style: few ? style(13) : style(14, 'bold'),
      fill: colour,
    });
    c.rect({ x: left, y: y + 17, width, height: 6 }, THEME.track, { rx: 3 });
    if (d.attempts > 0 && d.mastery > 0)
      c.rect({ x: left, y: y + 17, width: Math.max(6, width * d.mastery), height: 6 }, colour, { rx: 3, opacity: few ? 0.6 : undefined });
  });
}

function activity(c: Canvas, days: CardData['activity'], box: Rect): void {
  const { x: left, width, y: top } = box;
  const grid = activityGrid(days);
  const totalWidth = 130;
  title(c, 'activity.title', `Activity · ${WEEKS} weeks`, box, width - totalWidth - 8);
  c.text({
    id: 'activity.total',
    text: plural(grid.total, 'answer', 'answers'),
    left: left + width - totalWidth,
    width: totalWidth,
    baseline: top + 28,
    align: 'end',
    style: style(13),
    fill: THEME.muted,
  });

  const small = style(12);
  const cell = 13;
  const pitch = 16;
  const gridLeft = left + 30;
  const gridTop = top + 60;
  ['Mon', '', 'Wed', '', 'Fri', '', 'Sun'].forEach((label, row) => {
    if (label)
      c.text({
        id: `activity.weekday.${row}`,
        text: label,
        left,
        width: 28,
        baseline: gridTop + row * pitch + 10,
        style: small,
        fill: THEME.faint,
      });
  });
  grid.months.forEach((m, i) => {
    const next = grid.months[i + 1]?.week ?? WEEKS;
    c.text({
      id: `activity.month.${m.week}`,
      text: m.label,
      left: gridLeft + m.week * pitch,
      width: (next - m.week) * pitch - 3,
      baseline: gridTop - 8,
      style: small,
      fill: THEME.faint,
    });
  });
  for (const d of grid.cells)
    c.rect({ x: gridLeft + d.week * pitch, y: gridTop + d.weekday * pitch, width: cell, height: cell }, THEME.activity[d.level]!, {
      rx: 3,
    });

  // Legend: a swatch per shade with the answers a day it stands for.
  const legendLeft = gridLeft + WEEKS * pitch + 14;
  const legendWidth = left + width - legendLeft;
  c.text({
    id: 'activity.legend',
    text: 'answers a day',
    left: legendLeft,
    width: legendWidth,
    baseline: gridTop - 8,
    style: small,
    fill: THEME.faint,
  });
  const labels = [
    'none',
    ...LEVEL_FLOORS.map((floor, i) => (i + 1 < LEVEL_FLOORS.length ? `${floor}–${LEVEL_FLOORS[i + 1]! - 1}` : `${floor}+`)),
  ];
  labels.forEach((label, level) => {
    const y = gridTop + level * pitch;
    c.rect({ x: legendLeft, y, width: cell, height: cell }, THEME.activity[level]!, { rx: 3 });
    c.text({
      id: `activity.level.${level}`,
      text: label,
      left: legendLeft + cell + 6,
      width: legendWidth - cell - 6,
      baseline: y + 10,
      style: small,
      fill: THEME.faint,
    });
  });
}

function weakTasks(c: Canvas, data: CardData, box: Rect): void {
  const { x: left, width, y: top } = box;
  title(c, 'weak.title', 'Weakest tasks', box);
  if (data.weakTasks.length === 0) {
    const answered = data.domains.some((d) => d.attempts > 0);
    const text = answered ? 'No wrong answers yet. Keep going!' : 'Answer a few questions to find your weak spots.';
    wrapText(text, width, style(14), 2).forEach((line, i) =>
      c.text({ id: `weak.none.${i}`, text: line, left, width, baseline: top + 60 + 19 * i, style: style(14), fill: THEME.muted }),
    );
    return;
  }
  const chipStyle = style(13, 'bold');
  const nameStyle = style(14);
  const valueWidth = 48;
  data.weakTasks.forEach((t, i) => {
    const y = top + 44 + i * 46;
    const id = fitText(t.task, 64, chipStyle);
    const chipWidth = id ? textWidth(id, chipStyle) + 12 : 0;
    if (id) {
      c.rect({ x: left, y, width: chipWidth, height: 20 }, THEME.chip, { rx: 5 });
      c.text({
        id: `weak.${i}.task`,
        text: id,
        left: left + 6,
        width: chipWidth - 12,
        baseline: y + 15,
        style: chipStyle,
        fill: THEME.text,
      });
    }
    const nameLeft = left + chipWidth + (id ? 10 : 0);
    const nameWidth = left + width - valueWidth - 8 - nameLeft;
    wrapText(t.name, nameWidth, nameStyle, 2).forEach((line, j) =>
      c.text({
        id: `weak.${i}.name.${j}`,
        text: line,
        left: nameLeft,
        width: nameWidth,
        baseline: y + 15 + 18 * j,
        style: nameStyle,
        fill: THEME.text,
      }),
    );
    c.text({
      id: `weak.${i}.value`,
      text: percent(t.mastery),
      left: left + width - valueWidth,
      width: valueWidth,
      baseline: y + 15,
      align: 'end',
      style: style(14, 'bold'),
      fill: THEME.fail,
    });
  });
}
