// When a reply to Discord fails, the log says which route, status and code failed, with a ref the
// member also sees, and never the interaction or webhook token nor what the member typed.
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, ALICE, CHANNEL, G, createHarness, visibleText, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('logs when Discord rejects a reply', () => {
  it('name the route with the token replaced, the status and a ref, but not the token or the query', async () => {
    h = await createHarness();
    const query = 'flurble-7q9 secret phrase alice typed';
    // discord.js retries a 5xx three times: four failures make the reply fail once.
    h.fake.injectFault({ method: 'POST', path: /^\/interactions\/\d+\/[^/]+\/callback$/, status: 500, times: 4 });
    const lookup = await h.fake.slash(ALICE, G, CHANNEL, 'lookup', { query });
    const reply = await lookup.final();
    const ref = /ref `([0-9a-f]{8})`/.exec(visibleText(reply))?.[1];
    expect(ref).toBeDefined();
    const failure = await h.bot.waitForLog((l) => l.json?.msg === 'interaction failed' && l.json.ref === ref);
    expect(failure.json?.error).toMatchObject({
      status: 500,
      method: 'POST',
      route: expect.stringMatching(/^\/api\/v10\/interactions\/\d+\/:token\/callback$/),
    });

    // A deferred reply finished through the webhook, failing the same way.
    h.fake.injectFault({ method: 'PATCH', path: /^\/webhooks\/\d+\/[^/]+\/messages\/(@|%40)original$/, status: 502, times: 8 });
    const now = await h.fake.slash(ADMIN, G, CHANNEL, 'daily', {}, 'now');
    await now.response();
    await h.bot.waitForLog((l) => l.json?.msg === 'could not tell the user about the error');

    const lines = h.bot.logs().map((l) => l.raw);
    for (const token of [lookup.token, now.token, h.token]) expect(lines.filter((l) => l.includes(token))).toEqual([]);
    expect(lines.filter((l) => l.includes('flurble') || l.includes('secret phrase'))).toEqual([]);
  });
});
