// Injected failures: the next N requests matching a route get an error instead of (or after) being
// handled, so tests can play Discord outages (5xx), rate limits (429 with retry_after) and lost responses.

export interface FaultSpec {
  method: string;
  /** Matched against the path after /api/v10, e.g. /^\/channels\/\d+\/messages$/. */
  path: RegExp;
  /** HTTP status to answer with: 500, 502, 503 for outages, 429 for a rate limit. */
  status: number;
  /** How many matching requests fail; default 1. */
  times?: number;
  /** For 429: seconds Discord asks the client to wait. */
  retryAfterSeconds?: number;
  /** Handle the request first (the message is created), then answer with the error: a lost response. */
  afterHandling?: boolean;
}

export interface FaultHandle {
  /** How many requests this fault has failed so far. */
  readonly hits: number;
  /** Resolves at the first hit. */
  readonly firstHit: Promise<void>;
  clear(): void;
}

export interface FaultReply {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

interface Armed {
  spec: FaultSpec;
  left: number;
  hits: number;
  hit: () => void;
}

export class Faults {
  private readonly armed: Armed[] = [];

  add(spec: FaultSpec): FaultHandle {
    let hit!: () => void;
    const firstHit = new Promise<void>((resolve) => (hit = resolve));
    const entry: Armed = { spec, left: spec.times ?? 1, hits: 0, hit };
    this.armed.push(entry);
    return {
      get hits() {
        return entry.hits;
      },
      firstHit,
      clear: () => {
        entry.left = 0;
      },
    };
  }

  /** The fault that applies to this request, consuming one of its times. */
  take(method: string, path: string): FaultSpec | undefined {
    const entry = this.armed.find((a) => a.left > 0 && a.spec.method === method && a.spec.path.test(path));
    if (!entry) return undefined;
    entry.left--;
    entry.hits++;
    entry.hit();
    return entry.spec;
  }
}

export function faultReply(spec: FaultSpec): FaultReply {
  if (spec.status === 429) {
    const retryAfter = spec.retryAfterSeconds ?? 1;
    return {
      status: 429,
      headers: { 'retry-after': String(retryAfter), 'x-ratelimit-scope': 'user', 'x-ratelimit-global': 'false' },
      body: { message: 'You are being rate limited.', retry_after: retryAfter, global: false },
    };
  }
  const message = spec.status >= 500 ? `${spec.status}: Service Unavailable` : `${spec.status}: Error`;
  return { status: spec.status, headers: {}, body: { message, code: 0 } };
}
