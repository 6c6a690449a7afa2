import { wrap } from './wrap.js';

/** Output helpers of the terminal tutor: JSON lines for tools, wrapped colour text for people (NO_COLOR respected). */

/** Text for a person: wrapped to the terminal's width, and not wrapped at all when piped. */
export const out = (line = '') =>
  process.stdout.write(`${process.stdout.isTTY && process.stdout.columns ? wrap(line, process.stdout.columns) : line}\n`);
export const err = (line: string) => process.stderr.write(`${line}\n`);
export const jsonLine = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

const useColor = () => process.stdout.isTTY === true && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb';
const paint = (code: number) => (s: string) => (useColor() ? `\x1b[${code}m${s}\x1b[0m` : s);
export const bold = paint(1);
export const dim = paint(2);
export const green = paint(32);
export const red = paint(31);
export const yellow = paint(33);
export const cyan = paint(36);

/** A usage mistake: printed without a stack trace, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
