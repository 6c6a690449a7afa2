// The REST route table: paths with :params compiled to regexps, Discord's JSON errors, and the
// checks every request goes through before its handler (known route, bot token, parseable body).
import type { ParsedBody } from './http.js';
import type { DiscordError } from './validate.js';
import type { RuleName } from './types.js';

/** Thrown by handlers; becomes Discord's JSON error body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: DiscordError,
  ) {
    super(body.message);
  }
}

/** The errors Discord answers with, by name. */
export const E = {
  unknownChannel: () => new HttpError(404, { message: 'Unknown Channel', code: 10003 }),
  missingAccess: () => new HttpError(403, { message: 'Missing Access', code: 50001 }),
  unknownGuild: () => new HttpError(404, { message: 'Unknown Guild', code: 10004 }),
  unknownMember: () => new HttpError(404, { message: 'Unknown Member', code: 10007 }),
  unknownMessage: () => new HttpError(404, { message: 'Unknown Message', code: 10008 }),
  unknownUser: () => new HttpError(404, { message: 'Unknown User', code: 10013 }),
  unknownWebhook: () => new HttpError(404, { message: 'Unknown Webhook', code: 10015 }),
  unknownCommand: () => new HttpError(404, { message: 'Unknown application command', code: 10063 }),
  unknownInteraction: () => new HttpError(404, { message: 'Unknown interaction', code: 10062 }),
  alreadyAcked: () => new HttpError(400, { message: 'Interaction has already been acknowledged.', code: 40060 }),
  invalidWebhookToken: () => new HttpError(401, { message: 'Invalid Webhook Token', code: 50027 }),
  unauthorized: () => new HttpError(401, { message: '401: Unauthorized', code: 0 }),
  notFound: () => new HttpError(404, { message: '404: Not Found', code: 0 }),
  invalidJson: () => new HttpError(400, { message: 'The request body contains invalid JSON.', code: 50109 }),
  invalidFormBody: () => new HttpError(400, { message: 'Invalid Form Body', code: 50035 }),
};

/** What a handler gets: the request, with the path's :params decoded. */
export interface Ctx {
  method: string;
  /** "METHOD /full/path", as violations name it. */
  route: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: ParsedBody;
}

export interface Reply {
  status: number;
  body?: unknown;
}

export type Handler = (c: Ctx) => Reply;

export const ok = (body: unknown): Reply => ({ status: 200, body });
export const noContent: Reply = { status: 204 };

interface Route {
  method: string;
  pattern: RegExp;
  keys: string[];
  auth: boolean;
  handler: Handler;
}

export function compile(path: string): { pattern: RegExp; keys: string[] } {
  const keys: string[] = [];
  const src = path.replace(/:(\w+)/g, (_, k: string) => {
    keys.push(k);
    return '([^/]+)';
  });
  return { pattern: new RegExp(`^${src}$`), keys };
}

export interface RouterOptions {
  /** The bot token every route with auth requires ("Authorization: Bot <token>"). */
  token: string;
  violate: (rule: RuleName, detail: string, route?: string) => void;
}

const API_PREFIX = '/api/v10';

export class Router {
  private readonly routes: Route[] = [];

  constructor(private readonly opts: RouterOptions) {}

  /** Registers a route under /api/v10; `auth` false for the few Discord serves without a bot token. */
  add(method: string, path: string, handler: Handler, auth = true): void {
    this.routes.push({ method, ...compile(path), auth, handler });
  }

  match(method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
    for (const r of this.routes) {
      if (r.method !== method) continue;
      const m = r.pattern.exec(path);
      if (!m) continue;
      const params: Record<string, string> = {};
      r.keys.forEach((k, i) => {
        params[k] = decodeURIComponent(m[i + 1] ?? '');
      });
      return { route: r, params };
    }
    return undefined;
  }

  /** Runs the matching handler; every failure becomes a Discord-shaped error reply. */
  dispatch(method: string, url: URL, body: ParsedBody, auth: string | undefined, route: string): Reply {
    try {
      const path = url.pathname.startsWith(`${API_PREFIX}/`) ? url.pathname.slice(API_PREFIX.length) : null;
      const match = path === null ? undefined : this.match(method, path);
      if (!match) {
        this.opts.violate('unknown-route', `the fake has no ${route} (the bot called it; add it to the fake or stop calling it)`, route);
        throw E.notFound();
      }
      if (match.route.auth && auth !== `Bot ${this.opts.token}`) {
        this.opts.violate('auth', `${route} without a valid "Authorization: Bot <token>" header`, route);
        throw E.unauthorized();
      }
      if (body.kind === 'invalid') {
        this.opts.violate('invalid-body', body.error, route);
        throw E.invalidJson();
      }
      return match.route.handler({ method, route, params: match.params, query: url.searchParams, body });
    } catch (err) {
      if (err instanceof HttpError) return { status: err.status, body: err.body };
      const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
      this.opts.violate('fake-error', `the fake crashed handling ${route}: ${detail}`, route);
      return { status: 500, body: { message: '500: Internal Server Error', code: 0 } };
    }
  }
}
