import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * JSON logs on stdout. Secrets never reach a line: known fields are redacted, and any string that
 * contains a secret (an error message quoting a header, say) has it replaced before it is written.
 */
export function createLogger(level: string, secrets: ReadonlyArray<string | undefined> = []): Logger {
  const hidden = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 8);
  const scrub = (text: string) => hidden.reduce((t, s) => t.split(s).join('[redacted]'), text);
  return pino({
    level,
    base: undefined,
    redact: { paths: ['token', '*.token', 'DISCORD_TOKEN', '*.DISCORD_TOKEN', 'headers.authorization', '*.headers.authorization'], censor: '[redacted]' },
    hooks: {
      logMethod(args, method) {
        if (hidden.length === 0) return method.apply(this, args);
        const cleaned = args.map((a) => (typeof a === 'string' ? scrub(a) : a instanceof Error ? Object.assign(new Error(scrub(a.message)), { stack: scrub(a.stack ?? '') }) : a));
        return method.apply(this, cleaned as Parameters<typeof method>);
      },
    },
    formatters: {
      log(object) {
        return hidden.length === 0 ? object : (JSON.parse(scrub(JSON.stringify(object))) as Record<string, unknown>);
      },
    },
  });
}
