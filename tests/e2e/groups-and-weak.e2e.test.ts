// Study groups through the bot (create, join, the groups board) and the weak-spot buttons of /weak.
import { afterEach, describe, expect, it } from 'vitest';
import {
  ALICE,
  BOB,
  CAROL,
  CHANNEL,
  G,
  createHarness,
  customIds,
  answerWith,
  expectCleanRun,
  shippedContent,
  visibleText,
  type Harness,
  openSessionQuestionIds,
} from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('study groups', () => {
  it('are created and joined by name, one per member, and ranked on the groups board', async () => {
    h = await createHarness();
    expect(visibleText(await (await h.fake.slash(ALICE, G, CHANNEL, 'group', { name: 'Night Owls' }, 'create')).final())).toContain(
      'Created **Night Owls**',
    );
    expect(visibleText(await (await h.fake.slash(BOB, G, CHANNEL, 'group', { name: 'night owls ' }, 'join')).final())).toContain(
      'You joined **Night Owls**',
    );
    expect(visibleText(await (await h.fake.slash(CAROL, G, CHANNEL, 'group', { name: 'Night Owls' }, 'create')).final())).toContain(
      'There is already a group called **Night Owls**',
    );
    const list = visibleText(await (await h.fake.slash(CAROL, G, CHANNEL, 'group', {}, 'list')).final());
    expect(list).toContain('**Night Owls** · 2 members');

    // Alice answers one quiz question; the groups board counts it for the Owls.
    const quiz = await (await h.fake.slash(ALICE, G, CHANNEL, 'quiz', { count: 1 })).final();
    await answerWith(h, ALICE, quiz);
    const asked = await h.fake.slash(CAROL, G, CHANNEL, 'leaderboard', { scope: 'groups' });
    await asked.final();
    expect(visibleText(asked.original())).toContain('**Night Owls** · 2 members');
    expect(visibleText(asked.followUps()[0])).toContain('You are not in a study group here');
    await expectCleanRun(h);
  });
});

describe('/weak', () => {
  it('offers a quiz on a weak task and on a weak section, each a private quiz on just that', async () => {
    h = await createHarness();
    const content = shippedContent();
    // Bob answers a short quiz wrong throughout.
    let message = await (await h.fake.slash(BOB, G, CHANNEL, 'quiz', { count: 2 })).final();
    const questionIds = openSessionQuestionIds(h, BOB);
    for (let step = 0; step < 2; step++) {
      const q = content.pool.byId.get(questionIds[step]!)!;
      const wrong = 'ABCDE'.split('').filter((l) => !q.answer.includes(l));
      message = await answerWith(h, BOB, message, wrong.slice(0, q.answer.length));
      if (step === 0)
        message = await (
          await h.fake.click(
            BOB,
            message,
            customIds(message).find((id) => id.startsWith('v1:qn:'))!,
          )
        ).final();
    }
    const weak = await (await h.fake.slash(BOB, G, CHANNEL, 'weak')).final();
    expect(visibleText(weak)).toContain('Where to focus');
    const task = customIds(weak).find((id) => id.startsWith('v1:wt:'))!;
    const section = customIds(weak).find((id) => id.startsWith('v1:wq:'))!;
    const byTask = await (await h.fake.click(BOB, weak, task)).final();
    expect(byTask.flags ?? 0).toBe(64);
    const taskId = task.split(':')[2]!;
    const taskQuiz = openSessionQuestionIds(h, BOB);
    expect(taskQuiz.every((id) => content.pool.byId.get(id)!.exams['mls-c01']?.task === taskId)).toBe(true);
    const bySection = await (await h.fake.click(BOB, weak, section)).final();
    expect(bySection.embeds?.[0]?.title).toMatch(/^Question 1\//);
    await expectCleanRun(h);
  });
});
