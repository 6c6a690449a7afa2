/** Points per answer: right answers win, but a wrong one still counts for showing up (effort counts). */
export const POINTS_RIGHT = 10;
export const POINTS_WRONG = 1;

export function pointsFor(correct: boolean): number {
  return correct ? POINTS_RIGHT : POINTS_WRONG;
}
