// Several exams in one bot: a server chooses its exam, a member overrides it for themselves, and the
// daily question follows the server's choice.
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, ALICE, BOB, CHANNEL, G, createHarness, expectCleanRun, shippedContent, visibleText, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function lastQuiz(harness: Harness, personId: string): { exam: string; questionIds: string[] } {
  const row = harness.withDb(
    (db) =>
      db.sqlite
        .prepare("SELECT options, question_ids FROM sessions WHERE person_id = ? AND kind = 'quiz' ORDER BY started_at DESC LIMIT 1")
        .get(personId) as { options: string; question_ids: string },
  );
  return { exam: (JSON.parse(row.options) as { exam: string }).exam, questionIds: JSON.parse(row.question_ids) as string[] };
}

describe('choosing the exam', () => {
  it('follows the server’s exam, lets a member override it, and takes the daily question from the server’s', async () => {
    h = await createHarness({ clock: '2026-06-01T08:00:00Z' });
    const content = shippedContent();
    const refused = await (await h.fake.slash(ALICE, G, CHANNEL, 'settings', { exam: 'mla-c02', for: 'server' })).final();
    expect(visibleText(refused)).toContain('Manage Server');

    const set = await (await h.fake.slash(ADMIN, G, CHANNEL, 'settings', { exam: 'mla-c02', for: 'server' })).final();
    expect(visibleText(set)).toContain('This server now studies for **AWS Certified Machine Learning Engineer – Associate**');
    expect(visibleText(set)).toContain('MLA-C02 is in beta');

    await (await h.fake.slash(ALICE, G, CHANNEL, 'quiz', { count: 5 })).final();
    const alice = lastQuiz(h, ALICE);
    expect(alice.exam).toBe('mla-c02');
    expect(alice.questionIds.every((id) => content.pool.byId.get(id)!.exams['mla-c02'])).toBe(true);

    const own = await (await h.fake.slash(BOB, G, CHANNEL, 'settings', { exam: 'mls-c01' })).final();
    expect(visibleText(own)).toContain('You now study for **AWS Certified Machine Learning – Specialty**');
    expect(visibleText(own)).toContain('retired by AWS');
    await (await h.fake.slash(BOB, G, CHANNEL, 'quiz', { count: 5 })).final();
    const bob = lastQuiz(h, BOB);
    expect(bob.exam).toBe('mls-c01');
    expect(bob.questionIds.every((id) => content.pool.byId.get(id)!.exams['mls-c01'])).toBe(true);

    const help = await (await h.fake.slash(BOB, G, CHANNEL, 'help')).final();
    expect(visibleText(help)).toContain(
      'You study for **AWS Certified Machine Learning – Specialty** (MLS-C01); this server studies MLA-C02',
    );

    await (await h.fake.slash(ADMIN, G, CHANNEL, 'daily', { channel: CHANNEL, time: '09:00', timezone: 'UTC' }, 'set')).final();
    await (await h.fake.slash(ADMIN, G, CHANNEL, 'daily', {}, 'now')).final();
    const questionId = h.withDb((db) => (db.sqlite.prepare('SELECT question_id AS q FROM daily_posts').get() as { q: string }).q);
    expect(content.pool.byId.get(questionId)!.exams['mla-c02']).toBeDefined();
    await expectCleanRun(h);
  });
});
