/** Output helpers of the terminal tutor: JSON lines for tools, colour for people (NO_COLOR respected). */
export const out = (line = '') => process.stdout.write(`${line}\n`);
export const err = (line: string) => process.stderr.write(`${line}\n`);
export const jsonLine = (value: unknown) => out(JSON.stringify(value));

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

/** Reads stdin to the end as lines (for piped queries). */
export async function readLines(input: NodeJS.ReadableStream = process.stdin): Promise<string[]> {
  let text = '';
  for await (const chunk of input) text += String(chunk);
  return text.split(/\r?\n/).filter((l) => l.trim() !== '');
}
