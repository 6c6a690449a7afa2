// The daily question end to end: permissions, posting at the guild's local time, answers, the
// reveal, the leaderboard, and restarts that neither miss nor double a post.
import type { APIMessage } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ADMIN,
  ALICE,
  BOB,
  CAROL,
  CHANNEL,
  G,
  OTHER_CHANNEL,
  createHarness,
  customIds,
  expectCleanRun,
  shippedContent,
  visibleText,
  type Harness,
  waitFor,
} from './harness.js';

// Asia/Kolkata is UTC+05:30 all year: 09:00 there is 03:30 UTC, a zone far from UTC on a half hour.
const ZONE = 'Asia/Kolkata';
const BEFORE_POST = '2026-06-01T03:29:57Z';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function dailyPosts(harness: Harness): APIMessage[] {
  return harness.fake.channelMessages(CHANNEL).filter((m) => m.embeds?.[0]?.title?.startsWith('📅 Daily question'));
}

function keyedLetter(harness: Harness, postMessageId: string): { right: string; wrong: string } {
  const questionId = harness.withDb(
    (db) =>
      (db.sqlite.prepare('SELECT question_id FROM daily_posts WHERE message_id = ?').get(postMessageId) as { question_id: string })
        .question_id,
  );
  const right = shippedContent().pool.byId.get(questionId)!.answer[0]!;
  return { right, wrong: right === 'A' ? 'B' : 'A' };
}

const button = (message: APIMessage, letter: string) => customIds(message).find((id) => id.endsWith(`:${letter}`))!;

describe('the daily question', () => {
  it('is set by admins only, posts at the local time, takes one answer each and reveals it next day', async () => {
    h = await createHarness({ clock: BEFORE_POST });
    const refused = await (
      await h.fake.slash(ALICE, G, CHANNEL, 'daily', { channel: CHANNEL, time: '09:00', timezone: ZONE }, 'set')
    ).final();
    expect(visibleText(refused)).toContain('Manage Server');
    expect(h.withDb((db) => db.sqlite.prepare('SELECT count(*) AS n FROM guild_settings').get())).toEqual({ n: 0 });

    // The test clock runs at real speed from each setClock: set it just before the step it is for.
    h.setClock('2026-06-01T03:29:30Z');
    const set = await (await h.fake.slash(ADMIN, G, CHANNEL, 'daily', { channel: CHANNEL, time: '09:00', timezone: ZONE }, 'set')).final();
    // A live relative time for the reader, and the local time in the server's zone.
    expect(visibleText(set)).toContain(`next post <t:${Date.parse('2026-06-01T03:30:00Z') / 1000}:R> (09:00 Asia/Kolkata)`);
    await new Promise((r) => setTimeout(r, 1500));
    expect(dailyPosts(h)).toHaveLength(0);
    h.setClock(BEFORE_POST);

    const post = await h.fake.waitForChannelMessage(CHANNEL, (m) => Boolean(m.embeds?.[0]?.title?.startsWith('📅 Daily question')), 10_000);
    const postedAt = h.withDb((db) => (db.sqlite.prepare('SELECT posted_at FROM daily_posts').get() as { posted_at: number }).posted_at);
    expect(postedAt).toBeGreaterThanOrEqual(Date.parse('2026-06-01T03:30:00Z'));
    expect(post.embeds?.[0]?.title).toBe('📅 Daily question · 2026-06-01');

    const { right, wrong } = keyedLetter(h, post.id);
    const alice = await (await h.fake.click(ALICE, post, button(post, right))).final();
    expect(alice.flags ?? 0).toBe(64);
    expect(visibleText(alice)).toContain('✅ Right');
    expect(visibleText(alice)).toContain('+10 points');
    expect(visibleText(alice)).toContain('The answer is revealed to everyone <t:');
    const bob = await (await h.fake.click(BOB, post, button(post, wrong))).final();
    expect(visibleText(bob)).toContain(`✅ **${right}.**`);
    expect(visibleText(bob)).toContain(`❌ **${wrong}.**`);
    await (await h.fake.click(CAROL, post, button(post, right))).final();
    const again = await (await h.fake.click(ALICE, post, button(post, wrong))).final();
    expect(visibleText(again)).toContain('Your first answer stands');

    await waitFor(
      () => (visibleText(h!.fake.messageById(post.id)).includes('3 answered') ? true : undefined),
      'the answer count on the post',
    );

    h.setClock('2026-06-02T03:29:59Z');
    const next = await waitFor(() => dailyPosts(h!).find((m) => m.id !== post.id), 'the next daily post');
    expect(next.content).toContain("Yesterday's answer");
    expect(next.content).toContain('2 of 3 right');
    expect(next.content).toContain(`<@${ALICE}>`);
    // A link back to yesterday's question.
    expect(next.content).toContain(`/channels/${G}/${CHANNEL}/${post.id}`);
    const closed = h.fake.messageById(post.id)!;
    expect(visibleText(closed)).toContain('2 of 3 right (67%)');
    expect(visibleText(closed)).toContain(`✅ **${right}.**`);
    expect(customIds(closed)).toEqual([]);

    const asked = await h.fake.slash(CAROL, G, CHANNEL, 'leaderboard', { period: 'all' });
    await asked.final();
    // The board is public and says nothing about who asked; the caller's rank comes privately.
    const board = asked.original()!;
    expect(board.flags ?? 0).toBe(0);
    const text = visibleText(board);
    expect(text).not.toContain('Your rank');
    expect(text).toContain('Points: 10 for a right answer, 1 for a wrong one.');
    const [mine] = asked.followUps();
    expect(mine?.flags ?? 0).toBe(64);
    expect(visibleText(mine)).toMatch(/Your rank: \*\*#2\*\*/);
    expect(text.indexOf(`<@${ALICE}>`)).toBeLessThan(text.indexOf(`<@${CAROL}>`));
    expect(text).toMatch(new RegExp(`<@${ALICE}> · \\*\\*10\\*\\* pts`));
    expect(text).toMatch(new RegExp(`<@${BOB}> · \\*\\*1\\*\\* pts`));
    expect(
      h.withDb((db) => db.sqlite.prepare("SELECT count(*) AS n FROM attempts WHERE person_id = ? AND source = 'daily'").get(ALICE)),
    ).toEqual({ n: 1 });
    await expectCleanRun(h);
  });

  it('makes a post missed while the bot was down exactly once, and old buttons keep working', async () => {
    h = await createHarness({ clock: '2026-06-01T03:00:00Z' });
    await (await h.fake.slash(ADMIN, G, CHANNEL, 'daily', { channel: CHANNEL, time: '09:00', timezone: ZONE }, 'set')).final();
    await h.bot.stop();
    h.setClock('2026-06-01T04:10:00Z');
    await h.startBot();
    const post = await waitFor(() => dailyPosts(h!)[0], 'the missed post');
    await new Promise((r) => setTimeout(r, 2500));
    expect(dailyPosts(h)).toHaveLength(1);

    await h.bot.stop();
    await h.startBot();
    await new Promise((r) => setTimeout(r, 2500));
    expect(dailyPosts(h)).toHaveLength(1);
    const { right } = keyedLetter(h, post.id);
    const answered = await (await h.fake.click(BOB, post, button(post, right))).final();
    expect(visibleText(answered)).toContain('Right');
    await expectCleanRun(h);
  });

  it('reports a deleted channel in /daily status without stopping', async () => {
    // Half an hour early, however slowly the bot starts: the post must not go out before the channel is gone.
    h = await createHarness({ clock: '2026-06-01T03:00:00Z' });
    await (await h.fake.slash(ADMIN, G, CHANNEL, 'daily', { channel: CHANNEL, time: '09:00', timezone: ZONE }, 'set')).final();
    h.fake.setChannelState(CHANNEL, 'deleted', { notify: false });
    h.setClock(BEFORE_POST);
    await waitFor(
      () =>
        h!.withDb(
          (db) =>
            (db.sqlite.prepare('SELECT last_error FROM guild_settings').get() as { last_error: string | null }).last_error ?? undefined,
        ),
      'the error to be recorded',
    );
    const status = await (await h.fake.slash(ADMIN, G, OTHER_CHANNEL, 'daily', {}, 'status')).final();
    expect(visibleText(status)).toContain('no longer exists');
    const lookup = await (await h.fake.slash(ALICE, G, OTHER_CHANNEL, 'lookup', { query: 'pipe mode' })).final();
    expect(lookup.embeds?.[0]?.title).toBe('Pipe mode');
    await h.fake.settle();
    expect(h.fake.violations().filter((v) => v.rule !== 'unknown-route')).toEqual([]);
  });
});
