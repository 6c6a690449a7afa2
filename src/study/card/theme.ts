/**
 * Colours of the card, from Discord's dark theme so the picture sits well in a channel. One accent
 * per meaning: green for pass or strong, red for fail or weak, amber for "not enough yet", blurple
 * for plain progress and activity.
 */
export const THEME = {
  background: '#2b2d31',
  panel: '#313338',
  chip: '#1e1f22',
  divider: '#3f4147',
  track: '#4e5058',
  text: '#f2f3f5',
  muted: '#b5bac1',
  faint: '#949ba4',
  pass: '#23a55a',
  fail: '#f23f43',
  notYet: '#f0b232',
  neutral: '#5865f2',
  flame: '#f57731',
  flameCore: '#ffd166',
  /** Heatmap shades, no answers first. */
  activity: ['#3a3c42', '#3a427e', '#4a55c9', '#6f7bff', '#aab2ff'],
} as const;
