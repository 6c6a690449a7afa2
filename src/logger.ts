import { pino, stdSerializers, type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * JSON logs on stdout. Secrets never reach a line: known fields are redacted, and every string in a
 * record (an error message quoting a header, say) has any secret replaced before it is written.
 */
export function createLogger(level: string, secrets: ReadonlyArray<string | undefined> = []): Logger {
  const hidden = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 8);
  const scrub = (text: string) => hidden.reduce((t, s) => t.split(s).join('[redacted]'), text);
  const clean = (value: unknown, depth = 0): unknown => {
    if (typeof value === 'string') return scrub(value);
    if (value instanceof Error) return clean(stdSerializers.err(value), depth);
    if (depth > 8 || value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((v) => clean(v, depth + 1));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clean(v, depth + 1)]));
  };
  return pino({
    level,
    base: undefined,
    redact: { paths: ['token', '*.token', 'DISCORD_TOKEN', '*.DISCORD_TOKEN', 'headers.authorization', '*.headers.authorization'], censor: '[redacted]' },
    hooks: {
      logMethod(args, method) {
        return method.apply(this, (hidden.length === 0 ? args : args.map((a) => clean(a))) as Parameters<typeof method>);
      },
    },
    formatters: {
      log: (object) => (hidden.length === 0 ? object : (clean(object) as Record<string, unknown>)),
    },
  });
}
