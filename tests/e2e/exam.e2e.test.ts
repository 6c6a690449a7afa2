// The mock exam through its buttons: answer, change an answer, move, submit, and read the result.
import { afterEach, describe, expect, it } from 'vitest';
import { ALICE, CHANNEL, G, createHarness, customIds, expectCleanRun, visibleText, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('a mock exam', () => {
  it('takes answers, lets one be changed, and shows the result without the opening "Good luck"', async () => {
    h = await createHarness();
    const start = await (await h.fake.slash(ALICE, G, CHANNEL, 'exam', { length: 2 })).final();
    expect(start.content).toContain('Good luck');
    const first = customIds(start).find((id) => id.startsWith('v1:ea:') && id.endsWith(':A'))!;
    const answered = await (await h.fake.click(ALICE, start, first)).final();
    const changeTo = customIds(answered).find((id) => id.startsWith('v1:ea:') && id.endsWith(':B'))!;
    const changed = await (await h.fake.click(ALICE, answered, changeTo)).final();
    expect(visibleText(changed)).toMatch(/✓ B|▶ \*\*B\.\*\*/);
    const submit = customIds(changed).find((id) => id.startsWith('v1:es:'))!;
    const result = await (await h.fake.click(ALICE, changed, submit)).final();
    expect(visibleText(result)).toMatch(/\d{3,4}/);
    expect(visibleText(result)).not.toContain('Good luck');
    const stored = h.withDb((db) => db.sqlite.prepare("SELECT count(*) AS n FROM attempts WHERE source = 'exam'").get());
    expect(stored).toEqual({ n: 1 });
    await expectCleanRun(h);
  });
});
