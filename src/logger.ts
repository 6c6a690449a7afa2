import { pino, stdSerializers, type Logger } from 'pino';

export type { Logger } from 'pino';

// Interaction and webhook tokens ride in the URL path (/interactions/<id>/<token>/callback,
// /webhooks/<app>/<token>/...) and stay valid for 15 minutes: a log line must never carry one.
const URL_TOKEN = /(\/(?:interactions|webhooks)\/\d+\/)[^/?#\s"']+/g;
// What an error may carry of what a member sent or would have seen: request bodies and Discord's echo.
const PRIVATE_ERROR_FIELDS = new Set(['requestBody', 'rawError', 'body', 'files']);

/** A string safe for a log line: known secrets and URL tokens replaced. */
export function scrubText(text: string, secrets: readonly string[]): string {
  const hidden = secrets.reduce((t, s) => t.split(s).join('[redacted]'), text);
  return hidden.replace(URL_TOKEN, '$1:token');
}

/**
 * JSON logs on stdout. Secrets never reach a line: known fields are redacted, every string in a record
 * (an error message quoting a header or a URL, say) has secrets and tokens replaced, and errors are
 * logged without the request body they failed on (it may hold what a member typed).
 */
export function createLogger(level: string, secrets: ReadonlyArray<string | undefined> = []): Logger {
  const hidden = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 8);
  const clean = (value: unknown, depth = 0): unknown => {
    if (typeof value === 'string') return scrubText(value, hidden);
    if (value instanceof Error) {
      const serialized = stdSerializers.err(value) as unknown as Record<string, unknown>;
      return clean(Object.fromEntries(Object.entries(serialized).filter(([k]) => !PRIVATE_ERROR_FIELDS.has(k))), depth);
    }
    if (depth > 8 || value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((v) => clean(v, depth + 1));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clean(v, depth + 1)]));
  };
  return pino({
    level,
    base: undefined,
    redact: {
      paths: ['token', '*.token', 'DISCORD_TOKEN', '*.DISCORD_TOKEN', 'headers.authorization', '*.headers.authorization'],
      censor: '[redacted]',
    },
    hooks: {
      logMethod(args, method) {
        return method.apply(this, args.map((a) => clean(a)) as Parameters<typeof method>);
      },
    },
    formatters: {
      log: (object) => clean(object) as Record<string, unknown>,
    },
  });
}
