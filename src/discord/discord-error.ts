import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';

/** What a log line may say about a failed Discord call: never the request body, never a token. */
export interface DiscordErrorSummary {
  name: string;
  message: string;
  status?: number;
  /** Discord's JSON error code (50013 Missing Permissions, ...). */
  code?: number | string;
  method?: string;
  /** The path with interaction and webhook tokens replaced. */
  route?: string;
}

const TOKEN_IN_PATH = /(\/(?:interactions|webhooks)\/\d+\/)[^/?#]+/g;

export function safeRoute(url: string): string {
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    // Already a path.
  }
  return path.replace(TOKEN_IN_PATH, '$1:token');
}

export function describeDiscordError(error: unknown): DiscordErrorSummary {
  if (error instanceof DiscordAPIError) {
    // The message of a form-body error lists field paths and rules, not values.
    return {
      name: error.name,
      message: error.message.split('\n')[0] ?? '',
      status: error.status,
      code: error.code,
      method: error.method,
      route: safeRoute(error.url),
    };
  }
  if (error instanceof HTTPError)
    return { name: error.name, message: error.message, status: error.status, method: error.method, route: safeRoute(error.url) };
  if (error instanceof RateLimitError)
    return { name: error.name, message: `rate limited for ${error.retryAfter} ms`, method: error.method, route: safeRoute(error.url) };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}
