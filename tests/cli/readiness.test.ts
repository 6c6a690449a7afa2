// `tutor stats --json` says whether the person would pass: null figures for a newcomer, a predicted
// score with its range and a pass probability once there are enough answers in every domain.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/core/content.js';
import { openDatabase } from '../../src/db/connection.js';
import { recordAnswer } from '../../src/study/record-answer.js';
import { tempDir } from '../db/temp.js';
import { fixedClock } from '../helpers/clock.js';
import { REPO_ROOT, tutor } from './run.js';

describe('tutor stats --json readiness', () => {
  it('predicts a score once every domain has enough answers', async () => {
    const db = join(tempDir(), 'tutor.db');
    const content = loadContent(join(REPO_ROOT, 'knowledge'));
    const store = openDatabase(db);
    const clock = fixedClock(new Date(Date.now() - 3600_000));
    // 20 answers in each MLS-C01 domain, three in four right.
    for (const domain of content.exams.get('mls-c01')!.domains) {
      const questions = content.pool.questions.filter((q) => q.exams['mls-c01']?.domain === domain.id).slice(0, 20);
      questions.forEach((q, i) =>
        recordAnswer(
          store,
          {
            personId: 'local',
            guildId: null,
            zone: 'UTC',
            questionId: q.id,
            sectionId: q.section,
            domain: domain.id,
            chosen: 'A',
            correct: i % 4 !== 0,
            source: 'quiz',
            sourceRef: `seed-${domain.id}`,
            step: i,
            durationMs: 30_000,
            fastThresholdMs: 1,
          },
          clock,
        ),
      );
    }
    store.close();
    const run = await tutor(['stats', '--json', '--db', db]);
    expect(run.code, run.stderr).toBe(0);
    const { readiness } = JSON.parse(run.stdout) as {
      readiness: { score: number; low: number; high: number; pass_probability: number; enough: boolean; answers: number };
    };
    expect(readiness.enough).toBe(true);
    expect(readiness.answers).toBe(80);
    expect(readiness.low).toBeLessThanOrEqual(readiness.score);
    expect(readiness.high).toBeGreaterThanOrEqual(readiness.score);
    expect(readiness.score).toBeGreaterThan(100);
    expect(readiness.pass_probability).toBeGreaterThan(0);
    expect(readiness.pass_probability).toBeLessThan(1);
  });
});
