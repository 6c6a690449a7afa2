// The real bot against the fake Discord: registration, lookup, a quiz through the buttons, stats.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ALICE,
  BOB,
  CHANNEL,
  G,
  createHarness,
  answerWith,
  customIds,
  expectCleanRun,
  shippedContent,
  visibleText,
  type Harness,
  openSessionQuestionIds,
} from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h?.close();
});

describe('studying through the bot', () => {
  it('registers the full command set in the guild', () => {
    const names = h.fake
      .registeredCommands(G)
      .map((c) => c.name)
      .sort();
    expect(names).toEqual(['daily', 'exam', 'group', 'help', 'leaderboard', 'lookup', 'quiz', 'settings', 'stats', 'weak']);
  });

  it('looks up a note section, privately, with the other hits in a menu', async () => {
    const reply = await (await h.fake.slash(ALICE, G, CHANNEL, 'lookup', { query: 'what is pipe mode' })).final();
    expect(reply.flags ?? 0).toBe(64);
    expect(reply.embeds?.[0]?.title).toBe('Pipe mode');
    const menu = customIds(reply).find((id) => id.startsWith('v1:ls:'));
    expect(menu).toBeDefined();
    // The menu offers the other file-loading modes, not the section already shown, and no noise.
    const options = (reply.components?.[0] as { components: Array<{ options: Array<{ label: string; value: string }> }> }).components[0]!
      .options;
    expect(options.map((o) => o.label)).toContain('File mode');
    expect(options.map((o) => o.label)).not.toContain('Pipe mode');
    const fileMode = options.find((o) => o.label === 'File mode')!;
    const other = await (await h.fake.select(ALICE, reply, menu!, [fileMode.value])).final();
    expect(other.embeds?.[0]?.title).toBe('File mode');
    await expectCleanRun(h);
  });

  it('autocompletes section titles, at most 25', async () => {
    const typed = await (await h.fake.autocomplete(ALICE, G, CHANNEL, 'lookup', 'query', 'kinesis')).response();
    expect(typed.choices!.length).toBeGreaterThan(0);
    expect(typed.choices!.length).toBeLessThanOrEqual(25);
    expect(typed.choices!.every((c) => /kinesis|firehose|stream/i.test(c.name))).toBe(true);
    // A title that starts with what was typed comes first, in the notes' own order.
    const kines = await (await h.fake.autocomplete(ALICE, G, CHANNEL, 'lookup', 'query', 'kines')).response();
    expect(kines.choices![0]!.name).toBe('Kinesis Data Streams: shards and throughput');
    const empty = await (await h.fake.autocomplete(ALICE, G, CHANNEL, 'lookup', 'query', '')).response();
    expect(empty.choices).toHaveLength(25);
    // Picking a suggestion sends the section id, which opens that section directly.
    const picked = await (await h.fake.slash(ALICE, G, CHANNEL, 'lookup', { query: String(typed.choices![0]!.value) })).final();
    expect(picked.embeds?.[0]?.title).toBe(typed.choices![0]!.name);
    await expectCleanRun(h);
  });

  it('runs a three-question quiz through the buttons and stores every answer', async () => {
    const content = shippedContent();
    let message = await (await h.fake.slash(BOB, G, CHANNEL, 'quiz', { count: 3 })).final();
    // The learner sees no question ids; the test reads which question is shown from the store.
    const questionIds = openSessionQuestionIds(h, BOB);
    for (let step = 0; step < 3; step++) {
      expect(message.embeds?.[0]?.title).toBe(`Question ${step + 1}/3`);
      const question = content.pool.byId.get(questionIds[step]!)!;
      message = await answerWith(h, BOB, message, question.answer);
      expect(visibleText(message)).toContain('Right');
      expect(visibleText(message)).toContain(question.explanation.slice(0, 40));
      if (step < 2)
        message = await (
          await h.fake.click(
            BOB,
            message,
            customIds(message).find((id) => id.startsWith('v1:qn:'))!,
          )
        ).final();
    }
    expect(visibleText(message)).toContain('Quiz done: 3 of 3 right');
    expect(customIds(message).some((id) => id.startsWith('v1:qw'))).toBe(true);

    const rows = h.withDb((db) =>
      db.sqlite.prepare('SELECT question_id, correct, source, guild_id FROM attempts WHERE person_id = ?').all(BOB),
    );
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => (r as { correct: number }).correct === 1 && (r as { guild_id: string }).guild_id === G)).toBe(true);

    const stats = await (await h.fake.slash(BOB, G, CHANNEL, 'stats')).final();
    expect(visibleText(stats)).toMatch(/3 answers · 100% right/);
    expect(visibleText(stats)).toContain('Not enough answers for a prediction yet');
    // The stats card: a PNG attachment within Discord's limits, shown in the embed.
    const [card] = stats.attachments ?? [];
    expect(card?.filename).toBe('stats-card.png');
    expect(card!.size).toBeLessThan(300 * 1024);
    expect(h.fake.attachmentData(card!.id)!.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(stats.embeds?.[0]?.image?.url).toContain('stats-card.png');
    expect(visibleText(stats)).toMatch(/🔥 1 day/);
    const weak = await (await h.fake.slash(BOB, G, CHANNEL, 'weak')).final();
    expect(visibleText(weak)).toContain('No wrong answers yet');
    await expectCleanRun(h);
  });

  it('lets a member set their own time zone for streaks, with autocomplete, and refuses a made-up one', async () => {
    const choices = await (await h.fake.autocomplete(ALICE, G, CHANNEL, 'stats', 'timezone', 'kolk')).response();
    expect(choices.choices?.map((c) => c.value)).toContain('Asia/Kolkata');
    const set = await (await h.fake.slash(ALICE, G, CHANNEL, 'stats', { timezone: 'Asia/Kolkata' })).final();
    expect(visibleText(set)).toContain('Your streak now counts days in Asia/Kolkata');
    expect(h.withDb((db) => db.sqlite.prepare('SELECT time_zone FROM people WHERE id = ?').get(ALICE))).toEqual({
      time_zone: 'Asia/Kolkata',
    });
    const bad = await (await h.fake.slash(ALICE, G, CHANNEL, 'stats', { timezone: 'Mars/Olympus' })).final();
    expect(visibleText(bad)).toContain('is not a time zone');
    await expectCleanRun(h);
  });

  it("refuses a press on someone else's quiz and any forged or stale button, changing nothing", async () => {
    const alices = await (await h.fake.slash(ALICE, G, CHANNEL, 'quiz', { count: 2 })).final();
    const aliceAnswer = customIds(alices)[0]!;
    const bobs = await (await h.fake.slash(BOB, G, CHANNEL, 'quiz', { count: 1 })).final();
    const stolen = await (await h.fake.forge(BOB, bobs, aliceAnswer)).final();
    expect(stolen.flags ?? 0).toBe(64);
    expect(visibleText(stolen)).toContain('belongs to someone else');
    for (const forged of ['v1:qa:nope', 'v0:qa:abcdefgh:0:A', 'v1:zz:1', 'v1:da:99999:A', 'v1:qa:AAAAAAAAAAAA:7:B', 'v1:rn:../../etc']) {
      const reply = await (await h.fake.forge(BOB, bobs, forged)).final();
      expect(reply.flags ?? 0).toBe(64);
      expect(visibleText(reply)).toMatch(/out of date|not one of ours|no longer exists|does not exist|not in the notes/);
    }
    const attempts = h.withDb((db) => db.sqlite.prepare('SELECT count(*) AS n FROM attempts').get() as { n: number });
    expect(attempts.n).toBe(0);
    // Alice's own quiz still works after all that.
    const answered = await (await h.fake.click(ALICE, alices, aliceAnswer)).final();
    // A single-answer question is graded at once; a multiple-response one shows the pick, ready to submit.
    expect(visibleText(answered)).toMatch(aliceAnswer.startsWith('v1:qa:') ? /Right|Not quite/ : /▶ \*\*[A-H]\.\*\*/);
    await expectCleanRun(h);
  });
});
