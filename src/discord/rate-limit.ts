/**
 * Per-person sliding window for the commands that cost the most (lookups, quiz starts). In memory on
 * purpose: after a restart everyone simply starts fresh, which is harmless.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number,
  ) {}

  /** Counts a use; returns 0 when allowed, or the seconds to wait. */
  take(key: string): number {
    const t = this.now();
    const recent = (this.hits.get(key) ?? []).filter((h) => t - h < 60_000);
    if (recent.length >= this.perMinute) {
      this.hits.set(key, recent);
      return Math.max(1, Math.ceil((recent[0]! + 60_000 - t) / 1000));
    }
    recent.push(t);
    this.hits.set(key, recent);
    if (this.hits.size > 10_000) this.sweep(t);
    return 0;
  }

  private sweep(t: number): void {
    for (const [key, list] of this.hits) if (list.every((h) => t - h >= 60_000)) this.hits.delete(key);
  }
}
