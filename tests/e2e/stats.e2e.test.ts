// Whose stats a member may see: their own anywhere; someone else's only inside a server they share.
import { afterEach, describe, expect, it } from 'vitest';
import { ALICE, BOB, CHANNEL, G, createHarness, expectCleanRun, visibleText, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('/stats for someone else', () => {
  it('shows a member of the server, but not someone who left it', async () => {
    h = await createHarness();
    const member = visibleText(await (await h.fake.slash(ALICE, G, CHANNEL, 'stats', { member: BOB })).final());
    expect(member).toContain('bob has not answered any question yet');
    h.fake.removeMember(G, BOB);
    const gone = visibleText(await (await h.fake.slash(ALICE, G, CHANNEL, 'stats', { member: BOB })).final());
    expect(gone).toContain('not a member of this server');
    await expectCleanRun(h);
  });

  it('in a direct message shows only your own stats', async () => {
    // Commands registered globally (no DISCORD_GUILD_ID), as a bot used in DMs has them.
    h = await createHarness({ env: { DISCORD_GUILD_ID: '' } });
    const other = visibleText(await (await h.fake.slashInDm(ALICE, 'stats', { member: BOB })).final());
    expect(other).toContain('In a direct message you can see only your own stats');
    const own = visibleText(await (await h.fake.slashInDm(ALICE, 'stats')).final());
    expect(own).toContain('No answers yet');
    await expectCleanRun(h);
  });
});
