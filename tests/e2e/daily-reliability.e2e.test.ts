// The daily question on an operator's bad day: Discord outages, lost responses, rate limits during
// shutdown, restarts that cut a refresh short, and a server that removes the bot.
import type { APIMessage } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ADMIN,
  ALICE,
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

// Asia/Kolkata is UTC+05:30: 09:00 there is 03:30 UTC.
const ZONE = 'Asia/Kolkata';
const POST_MESSAGES = new RegExp(`^/channels/${CHANNEL}/messages$`);

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function dailyPosts(harness: Harness): APIMessage[] {
  return harness.fake.channelMessages(CHANNEL).filter((m) => m.embeds?.[0]?.title?.startsWith('📅 Daily question'));
}

const sendAttempts = (harness: Harness) =>
  harness.withDb((db) => (db.sqlite.prepare('SELECT send_attempts AS n FROM daily_posts').get() as { n: number } | undefined)?.n ?? 0);

async function setDaily(harness: Harness): Promise<void> {
  await (await harness.fake.slash(ADMIN, G, OTHER_CHANNEL, 'daily', { channel: CHANNEL, time: '09:00', timezone: ZONE }, 'set')).final();
}

describe('the daily post survives Discord failing', () => {
  it('retries a post that a short outage (5xx) kept out, shows it in /daily status, and posts it exactly once', async () => {
    h = await createHarness({ clock: '2026-06-01T03:29:58Z' });
    // discord.js retries a 5xx three times itself: four failures make one failed delivery.
    const outage = h.fake.injectFault({ method: 'POST', path: POST_MESSAGES, status: 503, times: 4 });
    await setDaily(h);
    await waitFor(() => (sendAttempts(h!) >= 1 ? true : undefined), 'the first failed delivery');
    expect(outage.hits).toBe(4);
    expect(dailyPosts(h)).toHaveLength(0);

    const status = visibleText(await (await h.fake.slash(ADMIN, G, OTHER_CHANNEL, 'daily', {}, 'status')).final());
    expect(status).toMatch(/2026-06-01: undelivered since 09:0\d \(Asia\/Kolkata\), retrying at 09:0\d/);
    expect(status).toContain('503');

    // /daily now does not say "already posted": it sends the undelivered post at once.
    const now = visibleText(await (await h.fake.slash(ADMIN, G, OTHER_CHANNEL, 'daily', {}, 'now')).final());
    expect(now).toContain("Posted today's question");
    await new Promise((r) => setTimeout(r, 2500));
    expect(dailyPosts(h)).toHaveLength(1);
    const after = visibleText(await (await h.fake.slash(ADMIN, G, OTHER_CHANNEL, 'daily', {}, 'status')).final());
    expect(after).toContain('2026-06-01: 0 answered');
    expect(after).not.toContain('Problem');
    await expectCleanRun(h);
  });

  it('retries on its own after the back-off, and a lost response never makes a second post, even after Discord forgot the nonce', async () => {
    h = await createHarness({ clock: '2026-06-01T03:29:58Z' });
    // The first send reaches the channel but its answer is lost (and so are discord.js's retries).
    h.fake.injectFault({ method: 'POST', path: POST_MESSAGES, status: 502, times: 4, afterHandling: true });
    await setDaily(h);
    await waitFor(() => (sendAttempts(h!) >= 1 ? true : undefined), 'the failed delivery');
    expect(dailyPosts(h)).toHaveLength(1);
    h.fake.expireNonces();
    h.setClock('2026-06-01T03:31:00Z');
    await waitFor(
      () =>
        h!.withDb(
          (db) => (db.sqlite.prepare('SELECT message_id FROM daily_posts').get() as { message_id: string | null }).message_id ?? undefined,
        ),
      'the delivery to be recorded',
    );
    expect(dailyPosts(h)).toHaveLength(1);
    expect(h.withDb((db) => db.sqlite.prepare('SELECT message_id FROM daily_posts').get())).toEqual({ message_id: dailyPosts(h)[0]!.id });
    await expectCleanRun(h);
  });

  it('stops within the grace period while a send sleeps on a 429, and delivers the post at the next start', async () => {
    h = await createHarness({ clock: '2026-06-01T03:29:58Z' });
    const limited = h.fake.injectFault({ method: 'POST', path: POST_MESSAGES, status: 429, retryAfterSeconds: 60, times: 1 });
    await setDaily(h);
    await limited.firstHit;
    const stoppedAt = Date.now();
    const exit = await h.bot.stop();
    // bot-process sends SIGKILL after 5 s: a clean exit code means the bot stopped on its own, in time.
    expect(exit).toEqual({ code: 0, signal: null });
    expect(Date.now() - stoppedAt).toBeLessThan(5000);
    expect(dailyPosts(h)).toHaveLength(0);

    await h.startBot();
    await waitFor(() => dailyPosts(h!)[0], 'the post after the restart');
    await new Promise((r) => setTimeout(r, 2000));
    expect(dailyPosts(h)).toHaveLength(1);
    await expectCleanRun(h);
  });
});

describe('the daily post after restarts and removals', () => {
  it('brings "N answered" up to date at start when a restart cut the refresh short', async () => {
    h = await createHarness({ clock: '2026-06-01T03:29:58Z' });
    await setDaily(h);
    const post = await waitFor(() => dailyPosts(h!)[0], 'the post');
    const questionId = h.withDb((db) => (db.sqlite.prepare('SELECT question_id AS q FROM daily_posts').get() as { q: string }).q);
    const letter = shippedContent().pool.byId.get(questionId)!.answer[0]!;
    const button = customIds(post).find((id) => id.endsWith(`:${letter}`))!;
    await (await h.fake.click(ALICE, post, button)).final();
    // Killed inside the 2 s debounce of the count refresh.
    await h.bot.kill9();
    expect(visibleText(h.fake.messageById(post.id))).toContain('0 answered');
    await h.startBot();
    await waitFor(() => (visibleText(h!.fake.messageById(post.id)).includes('1 answered') ? true : undefined), 'the refreshed count');
    expect(dailyPosts(h)).toHaveLength(1);
    await expectCleanRun(h);
  });

  it('turns the daily question off for a server that removed the bot, and says so in the logs', async () => {
    h = await createHarness({ clock: '2026-06-01T03:00:00Z' });
    await setDaily(h);
    h.fake.removeBotFromGuild(G);
    await h.bot.waitForLog((l) => l.json?.msg === 'removed from a guild: its daily question is now off' && l.json.guildId === G);
    expect(h.withDb((db) => db.sqlite.prepare('SELECT enabled FROM guild_settings').get())).toEqual({ enabled: 0 });
    h.setClock('2026-06-01T03:31:00Z');
    await new Promise((r) => setTimeout(r, 2000));
    expect(dailyPosts(h)).toHaveLength(0);
  });
});
