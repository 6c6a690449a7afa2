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
    expect(start.content).toContain('Answers can be changed until you submit');
    expect(start.content).toContain('MLS-C01 was retired by AWS');
    const first = customIds(start).find((id) => id.startsWith('v1:ea:') && id.endsWith(':A'))!;
    const answered = await (await h.fake.click(ALICE, start, first)).final();
    const changeTo = customIds(answered).find((id) => id.startsWith('v1:ea:') && id.endsWith(':B'))!;
    const changed = await (await h.fake.click(ALICE, answered, changeTo)).final();
    expect(visibleText(changed)).toMatch(/✓ B|▶ \*\*B\.\*\*/);
    const finish = customIds(changed).find((id) => id.startsWith('v1:es:'))!;
    const confirm = await (await h.fake.click(ALICE, changed, finish)).final();
    expect(visibleText(confirm)).toContain('1 of 2 still unanswered');
    const back = await (
      await h.fake.click(
        ALICE,
        confirm,
        customIds(confirm).find((id) => id.startsWith('v1:en:'))!,
      )
    ).final();
    expect(back.embeds?.[0]?.title).toContain('question 1 of 2');
    const again = await (
      await h.fake.click(
        ALICE,
        back,
        customIds(back).find((id) => id.startsWith('v1:es:'))!,
      )
    ).final();
    const result = await (
      await h.fake.click(
        ALICE,
        again,
        customIds(again).find((id) => id.startsWith('v1:ey:'))!,
      )
    ).final();
    expect(visibleText(result)).toMatch(/\d{3,4}/);
    expect(result.content ?? '').toBe('');
    // Review pages: the same feedback layout, a notes button, and a way back to the result.
    const review = await (
      await h.fake.click(
        ALICE,
        result,
        customIds(result).find((id) => id.startsWith('v1:er:'))!,
      )
    ).final();
    expect(visibleText(review)).toContain('Why');
    expect(customIds(review).some((id) => id.startsWith('v1:rn:'))).toBe(true);
    const home = await (
      await h.fake.click(
        ALICE,
        review,
        customIds(review).find((id) => id.endsWith(':-1'))!,
      )
    ).final();
    expect(visibleText(home)).toContain('pass mark');
    const stored = h.withDb((db) => db.sqlite.prepare("SELECT count(*) AS n FROM attempts WHERE source = 'exam'").get());
    expect(stored).toEqual({ n: 1 });
    await expectCleanRun(h);
  });
});
