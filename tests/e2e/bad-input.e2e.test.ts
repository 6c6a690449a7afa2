// What a careless or hostile member can send: a clear private reply, no ping, no crash.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, ALICE, BOB, CHANNEL, G, createHarness, expectCleanRun, visibleText, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(async () => {
  await expectCleanRun(h);
  expect(h.bot.logs().filter((l) => l.json?.msg === 'interaction failed')).toEqual([]);
  await h.close();
});

describe('bad input', () => {
  it('answers a 6,000-character query by searching its start', async () => {
    const reply = await (await h.fake.slashTampered(ALICE, G, CHANNEL, 'lookup', { query: `kinesis shards ${'x'.repeat(6000)}` })).final();
    expect(reply.flags ?? 0).toBe(64);
    expect(visibleText(reply)).toContain('only the first 300 characters were searched');
  });

  it('asks for something to look up when the query is empty or only spaces', async () => {
    for (const query of ['', '   ']) {
      const reply = await (await h.fake.slashTampered(ALICE, G, CHANNEL, 'lookup', { query })).final();
      expect(visibleText(reply)).toContain('Type what you want to look up');
    }
  });

  it('shows @everyone and markdown from a query as plain text, shared or not, and pings nobody', async () => {
    for (const share of [false, true]) {
      const reply = await (
        await h.fake.slash(ALICE, G, CHANNEL, 'lookup', { query: '@everyone **pipe** mode <@&910000000000000001>', share })
      ).final();
      expect(reply.content).not.toMatch(/(^|[^\u200b])@everyone/);
      expect(reply.content).toContain('\\*\\*pipe\\*\\*');
    }
    // No message of the bot allowed a mention (the fake checks allowed_mentions on every send).
    h.fake.assertNoViolations();
  });

  it('keeps hostile group names inert and rejects over-long ones', async () => {
    const created = await (
      await h.fake.slash(BOB, G, CHANNEL, 'group', { name: '@everyone <@910000000000000101> __night__' }, 'create')
    ).final();
    expect(visibleText(created)).toContain('@\u200beveryone');
    expect(visibleText(created)).toContain('\\_\\_night\\_\\_');
    const tooLong = await (await h.fake.slashTampered(BOB, G, CHANNEL, 'group', { name: 'n'.repeat(500) }, 'create')).final();
    expect(visibleText(tooLong)).toContain('1 to 50 characters');
    const list = await (await h.fake.slash(ALICE, G, CHANNEL, 'group', {}, 'list')).final();
    expect(visibleText(list)).toContain('@\u200beveryone');
  });

  it('refuses option values outside the choices with a clear reply', async () => {
    const domain = await (await h.fake.slashTampered(ALICE, G, CHANNEL, 'quiz', { domain: 'astrology' })).final();
    expect(visibleText(domain)).toContain('There is no domain “astrology”');
    const mode = await (await h.fake.slashTampered(ALICE, G, CHANNEL, 'quiz', { mode: 'cheat' })).final();
    expect(visibleText(mode)).toContain('Pick the mode from the list');
    const count = await (await h.fake.slashTampered(ALICE, G, CHANNEL, 'quiz', { count: 5000 })).final();
    expect(visibleText(count)).toContain('Count must be 1 to 25');
    const board = await (await h.fake.slashTampered(ALICE, G, CHANNEL, 'leaderboard', { period: 'forever' })).final();
    expect(visibleText(board)).toContain('Pick the period');
    const daily = await (
      await h.fake.slashTampered(ADMIN, G, CHANNEL, 'daily', { channel: CHANNEL, time: '25:99', timezone: 'Mars/Olympus' }, 'set')
    ).final();
    expect(visibleText(daily)).toContain('time must be HH:MM');
    expect(visibleText(daily)).toContain('is not a time zone');
    const exam = await (await h.fake.slashTampered(ALICE, G, CHANNEL, 'exam', { length: -3 })).final();
    expect(visibleText(exam)).toContain('Length must be 1 to');
  });
});
