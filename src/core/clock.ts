import { readFileSync, statSync } from 'node:fs';

/** Time comes in through a clock so that rules and tests never read Date.now() directly. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * Test builds only: the file holds an ISO instant; time runs on from it at real speed, counted from
 * the file's last write, so a test can jump the bot to "one second before the daily post".
 */
export function fileClock(path: string): Clock {
  let cachedMtime = -1;
  let base = 0;
  return {
    now() {
      const { mtimeMs } = statSync(path);
      if (mtimeMs !== cachedMtime) {
        const instant = Date.parse(readFileSync(path, 'utf8').trim());
        if (Number.isNaN(instant)) throw new Error(`${path}: not an ISO instant`);
        base = instant;
        cachedMtime = mtimeMs;
      }
      return new Date(base + Math.max(0, Date.now() - cachedMtime));
    },
  };
}
