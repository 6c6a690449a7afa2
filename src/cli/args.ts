import { parseArgs } from 'node:util';
import { UsageError } from './io.js';

export function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      knowledge: { type: 'string' },
      db: { type: 'string' },
      user: { type: 'string' },
      exam: { type: 'string' },
      json: { type: 'boolean', default: false },
      limit: { type: 'string' },
      domain: { type: 'string' },
      task: { type: 'string' },
      section: { type: 'string' },
      count: { type: 'string' },
      mode: { type: 'string' },
      length: { type: 'string' },
      new: { type: 'boolean', default: false },
      timezone: { type: 'string' },
      png: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

export type ParsedArgs = ReturnType<typeof parse>;

export function positiveInt(value: string | undefined, name: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`--${name} must be a whole number from 1 to ${max}, not "${value}"`);
  return n;
}

/** A terminal user id is stored and shown as is: printable, no control characters, not empty. */
export function personId(value: string | undefined): string {
  if (value === undefined) return 'local';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here.
  if (value.trim() === '' || value.length > 64 || /[\u0000-\u001f\u007f-\u009f]/.test(value))
    throw new UsageError('--user must be 1 to 64 printable characters (no control characters or line breaks)');
  return value;
}
