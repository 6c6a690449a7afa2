// kill -9 in the middle of a burst of answers: nothing Discord saw acknowledged is lost, nothing doubles.
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, CHANNEL, G, createHarness, customIds, memberId, shippedContent, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const MEMBERS = 200;

describe('a crash during a burst of answers', () => {
  it('keeps every acknowledged answer exactly once, and takes the retries after a restart', async () => {
    h = await createHarness({ clock: '2026-06-01T08:59:58Z', extraMembers: MEMBERS });
    await (await h.fake.slash(ADMIN, G, CHANNEL, 'daily', { channel: CHANNEL, time: '09:00', timezone: 'UTC' }, 'set')).final();
    const post = await h.fake.waitForChannelMessage(CHANNEL, (m) => Boolean(m.embeds?.[0]?.title?.startsWith('📅 Daily question')), 10_000);
    const questionId = h.withDb(
      (db) => (db.sqlite.prepare('SELECT question_id FROM daily_posts').get() as { question_id: string }).question_id,
    );
    const letters = customIds(post);
    expect(shippedContent().pool.byId.get(questionId)).toBeDefined();

    // Every member clicks at once, some twice; the bot is killed (SIGKILL, synchronously from the fake's
    // acknowledgement hook) once a tenth of the burst is answered, so the rest is in flight or queued.
    let answered = 0;
    const botPid = h.bot.pid;
    h.fake.onAcknowledged((kind) => {
      if (kind === 'component' && ++answered === MEMBERS / 10) process.kill(botPid, 'SIGKILL');
    });
    const clicks = [];
    for (let i = 0; i < MEMBERS; i++) {
      clicks.push(h.fake.click(memberId(i), post, letters[i % letters.length]!));
      if (i % 5 === 0) clicks.push(h.fake.click(memberId(i), post, letters[(i + 1) % letters.length]!));
    }
    await Promise.all(clicks);
    await h.bot.exited;

    const ackedBy = new Set(
      h.fake
        .acknowledged()
        .filter((a) => a.kind === 'component' && a.ackAt !== null)
        .map((a) => a.userId),
    );
    // The kill lands while the bot is mid-burst; on a fast run its last callbacks may all have been on the
    // wire already, and then the retry round below has nothing to retry (the invariants still hold).
    if (ackedBy.size === MEMBERS) console.log('crash test: every click was acknowledged before the kill landed');
    const stored = () =>
      h!.withDb((db) => db.sqlite.prepare("SELECT person_id FROM attempts WHERE source = 'daily'").all() as Array<{ person_id: string }>);
    const before = stored().map((r) => r.person_id);
    // Every acknowledgement was a real answer, not an error reply.
    expect(
      h.bot
        .logs()
        .filter((l) => l.json?.msg === 'interaction failed')
        .map((l) => l.raw),
    ).toEqual([]);
    for (const person of ackedBy) expect(before).toContain(person);
    expect(new Set(before).size).toBe(before.length);

    // Discord users whose click got no answer click again once the bot is back.
    await h.startBot();
    const retries = [];
    for (let i = 0; i < MEMBERS; i++)
      if (!ackedBy.has(memberId(i))) retries.push(h.fake.click(memberId(i), post, letters[i % letters.length]!));
    await Promise.all((await Promise.all(retries)).map((r) => r.final()));
    const after = stored().map((r) => r.person_id);
    expect(after).toHaveLength(MEMBERS);
    expect(new Set(after).size).toBe(MEMBERS);
    const points = h.withDb(
      (db) => db.sqlite.prepare('SELECT sum(attempts) AS n FROM member_totals WHERE guild_id = ?').get(G) as { n: number },
    );
    expect(points.n).toBe(MEMBERS);
  });
});
