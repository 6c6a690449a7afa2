import { join } from 'node:path';
import { loadContent, type Content } from '../../src/core/content.js';
import type { Engine } from '../../src/core/engine.js';
import { openDatabase } from '../../src/db/connection.js';
import { fixedClock } from './clock.js';

/** A seeded random source: the same draws every run. */
export function seeded(seed = 42): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

let fixture: Content | undefined;
/** The small content folder of the unit tests (tests/fixtures/knowledge): two exams, 19 questions. */
export function fixtureContent(): Content {
  return (fixture ??= loadContent(join(import.meta.dirname, '../fixtures/knowledge')));
}

/** The fixture content over a store (in memory unless a path is given) and a clock the test moves. */
export function testEngine(start = '2026-03-02T10:00:00Z', path = ':memory:', content = fixtureContent()) {
  const clock = fixedClock(start);
  const store = openDatabase(path);
  const engine: Engine = { content, store, clock, random: seeded(), defaults: { timeZone: 'UTC', exam: 'fx-a01' } };
  return { engine, clock, store };
}
