import { statSync } from 'node:fs';
import { writeProbe, type Database } from './connection.js';
import { explainStoreError } from './store-error.js';

export type StoreState = { ok: true } | { ok: false; reason: string; final: boolean };

/**
 * Whether the store can take writes now. A deleted or replaced file is final: the open connection
 * would go on writing into an unlinked file that nobody will ever read, so the bot stops taking
 * answers until it is restarted. A failing write (disk full, read-only) recovers when a probe succeeds.
 */
export class StoreHealth {
  private state: StoreState = { ok: true };
  private readonly identity: { dev: number; ino: number } | null;

  constructor(private readonly store: Database) {
    this.identity = store.path ? identityOf(store.path) : null;
  }

  get current(): StoreState {
    return this.state;
  }

  /** Checks the file is still the one opened, and that a write commits. Returns the new state. */
  check(now: Date): StoreState {
    if (this.state.ok === false && this.state.final) return this.state;
    const path = this.store.path;
    if (path && this.identity) {
      const seen = identityOf(path);
      if (!seen) return this.set({ ok: false, final: true, reason: `${path} was deleted while the tutor was running` });
      if (seen.dev !== this.identity.dev || seen.ino !== this.identity.ino)
        return this.set({ ok: false, final: true, reason: `${path} was replaced by another file while the tutor was running` });
    }
    try {
      writeProbe(this.store.sqlite, now);
      return this.set({ ok: true });
    } catch (error) {
      return this.set({ ok: false, final: false, reason: explainStoreError(path ?? ':memory:', error) });
    }
  }

  /** A write failed at run time: unhealthy until the next successful probe. */
  reportFailure(error: unknown): StoreState {
    if (this.state.ok === false && this.state.final) return this.state;
    return this.set({ ok: false, final: false, reason: explainStoreError(this.store.path ?? ':memory:', error) });
  }

  private set(next: StoreState): StoreState {
    this.state = next;
    return next;
  }
}

function identityOf(path: string): { dev: number; ino: number } | null {
  try {
    const { dev, ino } = statSync(path);
    return { dev, ino };
  } catch {
    return null;
  }
}
