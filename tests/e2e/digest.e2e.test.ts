// The weekly group digest: posted once a week on the chosen day at the daily time, with a Practice
// button per weak task that opens a private quiz, and never posted twice across a restart.
import type { APIMessage } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { recordAnswer } from '../../src/study/record-answer.js';
import { fixedClock } from '../helpers/clock.js';
import {
  ADMIN,
  ALICE,
  BOB,
  CHANNEL,
  G,
  createHarness,
  customIds,
  expectCleanRun,
  shippedContent,
  visibleText,
  type Harness,
  waitFor,
} from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const digests = (harness: Harness): APIMessage[] =>
  harness.fake.channelMessages(CHANNEL).filter((m) => m.embeds?.[0]?.title?.startsWith('📊 Weekly digest'));

describe('the weekly digest', () => {
  it('is off by default, posts once on its day with Practice buttons, and is not repeated after a restart', async () => {
    // Monday 1 June 2026, shortly before the daily time.
    h = await createHarness({ clock: '2026-06-01T08:50:00Z' });
    await (await h.fake.slash(ADMIN, G, CHANNEL, 'daily', { channel: CHANNEL, time: '09:00', timezone: 'UTC' }, 'set')).final();
    expect(h.withDb((db) => db.sqlite.prepare('SELECT digest_day FROM guild_settings').get())).toEqual({ digest_day: null });
    const on = await (await h.fake.slash(ADMIN, G, CHANNEL, 'daily', { day: '0' }, 'digest')).final();
    expect(visibleText(on)).toContain('every Monday');

    // Last week the group got task 1.2 (ingestion) mostly wrong: seed those answers into the store.
    await h.bot.stop();
    const ingestion = shippedContent()
      .pool.questions.filter((q) => q.exams['mls-c01']?.task === '1.2')
      .slice(0, 6);
    h.withDb((db) => {
      const clock = fixedClock('2026-05-28T10:00:00Z');
      ingestion.forEach((q, i) => {
        for (const personId of [ALICE, BOB])
          recordAnswer(
            db,
            {
              personId,
              guildId: G,
              zone: 'UTC',
              questionId: q.id,
              sectionId: q.section,
              domain: 'data-engineering',
              chosen: 'Z',
              correct: i === 0,
              source: 'quiz',
              sourceRef: `seed-${personId}`,
              step: i,
              durationMs: null,
              fastThresholdMs: 1,
            },
            clock,
          );
      });
    });
    h.setClock('2026-06-01T08:59:57Z');
    await h.startBot();

    const digest = await waitFor(() => digests(h!)[0], 'the digest');
    const text = visibleText(digest);
    expect(text).toContain('week of 2026-06-01');
    expect(text).toContain('1.2');
    expect(text).toMatch(/Likely to pass today/);
    const practice = customIds(digest).find((id) => id === 'v1:wt:1.2');
    expect(practice).toBeDefined();
    const quiz = await (await h.fake.click(BOB, digest, practice!)).final();
    expect(quiz.flags ?? 0).toBe(64);
    expect(quiz.embeds?.[0]?.title).toBe('Question 1/5');

    await h.bot.stop();
    await h.startBot();
    await new Promise((r) => setTimeout(r, 2500));
    expect(digests(h)).toHaveLength(1);
    await expectCleanRun(h);
  });
});
