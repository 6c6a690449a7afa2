import { fixedClock } from '../../src/clock.js';
import { openDatabase } from '../../src/db/connection.js';
import type { Engine } from '../../src/engine.js';
import { shippedContent } from '../e2e/harness.js';

/** A seeded random source: the same draws every run. */
export function seeded(seed = 42): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The shipped content over an in-memory store and a clock the test moves. */
export function testEngine(start = '2026-03-02T10:00:00Z', path = ':memory:') {
  const clock = fixedClock(start);
  const store = openDatabase(path);
  const engine: Engine = { content: shippedContent(), store, clock, random: seeded() };
  return { engine, clock, store };
}
