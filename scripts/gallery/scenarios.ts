// The scripted sessions the gallery runs through the real bot: each step records what a learner or
// an admin sees, with a caption. Every scenario starts on a fresh database and bot.
import { ComponentType, type APIMessage, type APISelectMenuOption } from 'discord.js';
import { ADMIN, ALICE, BOB, CAROL, CHANNEL, OTHER_CHANNEL, type Harness } from '../../tests/e2e/harness.js';
import { customIds, dailyQuestion, findId, lettersFor, sessionOf, sessionOfQuiz, sessionQuestions, type Hands } from './actions.js';
import type { Recorder } from './record.js';

export interface ScenarioContext {
  h: Harness;
  hands: Hands;
  rec: Recorder;
}

export interface Scenario {
  id: string;
  title: string;
  /** The bot's clock at start (ISO); default: now. */
  clock?: string;
  env?: Record<string, string>;
  run(ctx: ScenarioContext): Promise<void>;
}

const DAILY_ZONE = 'Asia/Kolkata';

/** The options of the first select menu on a message. */
function menuOptions(message: APIMessage): APISelectMenuOption[] {
  for (const row of message.components ?? [])
    for (const c of 'components' in row ? row.components : []) if (c.type === ComponentType.StringSelect) return c.options;
  return [];
}

async function waitFor<T>(probe: () => T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const digestPosts = (h: Harness) => h.fake.channelMessages(CHANNEL).filter((m) => m.embeds?.[0]?.title?.startsWith('📊 Weekly digest'));

const dailyPosts = (h: Harness) => h.fake.channelMessages(CHANNEL).filter((m) => m.embeds?.[0]?.title?.startsWith('📅 Daily question'));

const help: Scenario = {
  id: 'help',
  title: '/help',
  async run({ hands, rec }) {
    rec.shot('help · what the tutor does', await hands.run(ALICE, OTHER_CHANNEL, 'help'), { action: hands.says(ALICE, 'help') });
  },
};

const lookup: Scenario = {
  id: 'lookup',
  title: '/lookup',
  async run({ hands, rec }) {
    const good = await hands.run(ALICE, OTHER_CHANNEL, 'lookup', { query: 'pipe mode' });
    rec.shot('lookup · good match "pipe mode"', good, { action: hands.says(ALICE, 'lookup', { query: 'pipe mode' }) });
    rec.shot('lookup · the "other hits" menu, opened', good, { action: 'alice opens the menu under the answer', openMenus: true });
    const options = menuOptions(good);
    const fileMode = options.find((o) => o.label === 'File mode') ?? options[0];
    if (fileMode) {
      const picked = await hands.pick(ALICE, good, findId(good, 'v1:ls:'), [fileMode.value]);
      rec.shot('lookup · another hit picked from the menu', picked, { action: `alice picks “${fileMode.label}” in the menu` });
    } else rec.remark('lookup · another hit picked from the menu', 'The good match came without an "other hits" menu.');

    const weak = await hands.run(ALICE, OTHER_CHANNEL, 'lookup', { query: 'gpu memory' });
    rec.shot('lookup · weak match "gpu memory"', weak, { action: hands.says(ALICE, 'lookup', { query: 'gpu memory' }) });

    const none = await hands.run(ALICE, OTHER_CHANNEL, 'lookup', { query: 'purple flurble gronk' });
    rec.shot('lookup · nonsense "purple flurble gronk"', none, {
      action: hands.says(ALICE, 'lookup', { query: 'purple flurble gronk' }),
      openMenus: true,
    });

    const shared = await hands.run(BOB, OTHER_CHANNEL, 'lookup', { query: 'pipe mode', share: true });
    rec.shot('lookup · shared in the channel', shared, { action: hands.says(BOB, 'lookup', { query: 'pipe mode', share: true }) });
    const other = menuOptions(shared)[0];
    if (other) {
      const mine = await hands.pick(CAROL, shared, findId(shared, 'v1:ls:'), [other.value]);
      rec.shot('lookup · a member picks from the menu of a shared answer', mine, {
        action: `carol picks “${other.label}” in the menu of bob’s shared answer`,
      });
    }
  },
};

const quiz: Scenario = {
  id: 'quiz',
  title: '/quiz',
  async run({ h, hands, rec }) {
    // A quiz with at least two single-answer questions and one "Choose two." question.
    let message: APIMessage | undefined;
    let tries = 0;
    let questions: ReturnType<typeof sessionQuestions> = [];
    let options: Record<string, number | boolean> = { count: 5 };
    for (; tries < 10; tries++) {
      message = await hands.run(ALICE, OTHER_CHANNEL, 'quiz', options);
      questions = sessionQuestions(h, sessionOfQuiz(message));
      // The first several-answer question must be a "Choose two.": the scenario ticks two, then a refused third.
      if (questions.find((q) => q.answer.length > 1)?.answer.length === 2 && questions.filter((q) => q.answer.length === 1).length >= 2)
        break;
      options = { count: 5, new: true };
    }
    if (!message) throw new Error('no quiz started');
    const n = questions.length;
    const kind = (i: number) => (questions[i]!.answer.length > 1 ? `several answers (${questions[i]!.answer.length})` : 'single answer');
    rec.shot(`quiz · question 1 of ${n}, ${kind(0)}`, message, {
      action: hands.says(ALICE, 'quiz', options),
      ...(tries > 0
        ? { remark: `The gallery started ${tries + 1} quizzes to get one with a "Choose two." question; this is the last.` }
        : {}),
    });
    let singles = 0;
    let multiShown = false;
    let nextShownAt = -1;
    for (let step = 0; step < n; step++) {
      const q = questions[step]!;
      const last = step === n - 1;
      if (q.answer.length === 1) {
        singles++;
        const right = singles !== 2;
        const letter = lettersFor(q, right)[0]!;
        message = await hands.press(ALICE, message, findId(message, 'v1:qa:', `:${letter}`));
        if (singles <= 2 && !last)
          rec.shot(`quiz · ${right ? 'right' : 'wrong'} answer feedback`, message, {
            action: `alice presses ${letter} (${right ? 'the answer' : `the answer is ${q.answer.join(' + ')}`})`,
          });
      } else if (!multiShown) {
        multiShown = true;
        if (step !== 0 && step !== nextShownAt)
          rec.shot(`quiz · question ${step + 1} of ${n}, ${kind(step)}`, message, { action: 'alice presses Next ▶' });
        const picks = lettersFor(q, false);
        message = await hands.press(ALICE, message, findId(message, 'v1:qt:', `:${picks[0]}`));
        rec.shot('quiz · several answers: one choice ticked', message, { action: `alice presses ${picks[0]}` });
        message = await hands.press(ALICE, message, findId(message, 'v1:qt:', `:${picks[1]}`));
        rec.shot('quiz · several answers: two ticked, Submit ready', message, { action: `alice presses ${picks[1]}` });
        const third = 'ABCDEFGH'
          .slice(0, q.choices.length)
          .split('')
          .find((l) => !picks.includes(l))!;
        const refused = await hands.press(ALICE, message, findId(message, 'v1:qt:', `:${third}`));
        rec.shot('quiz · several answers: a third pick refused', refused, { action: `alice presses ${third} as well` });
        message = await hands.press(ALICE, message, findId(message, 'v1:qs:'));
        if (!last)
          rec.shot('quiz · several answers: feedback, one of two right', message, {
            action: `alice presses Submit (the answer is ${q.answer.join(' + ')})`,
          });
      } else message = await hands.answerQuiz(ALICE, message, q, true);
      if (last) break;
      message = await hands.press(ALICE, message, findId(message, 'v1:qn:'));
      if (nextShownAt < 0) {
        nextShownAt = step + 1;
        rec.shot(`quiz · Next ▶: question ${step + 2} of ${n}, ${kind(step + 1)}`, message, { action: 'alice presses Next ▶' });
      }
    }
    rec.shot('quiz · the last answer with the quiz summary', message, { action: 'alice answers the last question' });
    const summary = message;
    const read = (summary.components ?? []).length > 0 ? findIdOrNull(summary, 'v1:rn:') : null;
    if (read) rec.shot('quiz · 📖 Read the notes', await hands.press(ALICE, summary, read), { action: 'alice presses a 📖 button' });
    else rec.remark('quiz · 📖 Read the notes', 'The summary had no 📖 button.');
    const replay = findIdOrNull(summary, 'v1:qr:');
    if (replay) rec.shot('quiz · Replay missed', await hands.press(ALICE, summary, replay), { action: 'alice presses “Replay … missed”' });
    else rec.remark('quiz · Replay missed', 'The summary had no Replay button.');
    rec.shot('quiz · New quiz', await hands.press(ALICE, summary, findId(summary, 'v1:qw')), { action: 'alice presses “New quiz”' });
  },
};

function findIdOrNull(message: APIMessage, prefix: string): string | null {
  try {
    return findId(message, prefix);
  } catch {
    return null;
  }
}

const progress: Scenario = {
  id: 'progress',
  title: '/stats and /weak',
  async run({ hands, rec }) {
    const none = await hands.run(CAROL, OTHER_CHANNEL, 'stats');
    rec.shot('stats · before any answer', none, { action: hands.says(CAROL, 'stats') });
    await hands.quietQuiz(ALICE, OTHER_CHANNEL, 8, [1, 3, 4]);
    const stats = await hands.run(ALICE, OTHER_CHANNEL, 'stats');
    rec.shot('stats · after 8 answers, 3 wrong', stats, { action: `${hands.says(ALICE, 'stats')} (after a quiz of 8, 3 wrong)` });
    rec.shot('stats · another member’s stats', await hands.run(BOB, OTHER_CHANNEL, 'stats', { member: ALICE }), {
      action: hands.says(BOB, 'stats', { member: ALICE }),
    });
    const weak = await hands.run(ALICE, OTHER_CHANNEL, 'weak');
    rec.shot('weak · where to focus', weak, { action: hands.says(ALICE, 'weak') });
    const practise = findIdOrNull(weak, 'v1:wt:');
    if (practise)
      rec.shot('weak · a Practise button starts a quiz', await hands.press(ALICE, weak, practise), {
        action: 'alice presses the first button',
      });
    rec.shot('stats · set a time zone', await hands.run(ALICE, OTHER_CHANNEL, 'stats', { timezone: 'Europe/Berlin' }), {
      action: hands.says(ALICE, 'stats', { timezone: 'Europe/Berlin' }),
    });
  },
};

const settings: Scenario = {
  id: 'settings',
  title: '/settings',
  async run({ hands, rec }) {
    rec.shot('settings · show', await hands.run(ALICE, OTHER_CHANNEL, 'settings'), { action: hands.says(ALICE, 'settings') });
    rec.shot('settings · own exam set to MLA-C02', await hands.run(ALICE, OTHER_CHANNEL, 'settings', { exam: 'mla-c02' }), {
      action: hands.says(ALICE, 'settings', { exam: 'mla-c02' }),
    });
    rec.shot(
      'settings · server exam set by an admin',
      await hands.run(ADMIN, OTHER_CHANNEL, 'settings', { exam: 'mla-c02', for: 'server' }),
      { action: hands.says(ADMIN, 'settings', { exam: 'mla-c02', for: 'server' }) },
    );
    rec.shot('settings · follow the server’s exam again', await hands.run(ALICE, OTHER_CHANNEL, 'settings', { exam: 'server' }), {
      action: hands.says(ALICE, 'settings', { exam: 'server' }),
    });
    rec.shot('help · after the server moved to MLA-C02', await hands.run(BOB, OTHER_CHANNEL, 'help'), { action: hands.says(BOB, 'help') });
  },
};

const groups: Scenario = {
  id: 'groups',
  title: '/group',
  async run({ hands, rec }) {
    const step = async (caption: string, user: string, sub: string, options: Record<string, string> = {}) =>
      rec.shot(caption, await hands.run(user, OTHER_CHANNEL, 'group', options, sub), { action: hands.says(user, 'group', options, sub) });
    await step('group · list, none yet', ALICE, 'list');
    await step('group · create', ALICE, 'create', { name: 'Pipe Dreams' });
    await step('group · join', BOB, 'join', { name: 'pipe dreams' });
    await step('group · join a group that does not exist', CAROL, 'join', { name: 'Night Owls' });
    await step('group · create a name that is taken', CAROL, 'create', { name: 'PIPE DREAMS' });
    await step('group · join the group you are in', BOB, 'join', { name: 'Pipe Dreams' });
    await step('group · create a second group', CAROL, 'create', { name: 'Night Owls' });
    await step('group · list', BOB, 'list');
    await step('group · leave', BOB, 'leave');
    await step('group · leave when in none', BOB, 'leave');
  },
};

const leaderboard: Scenario = {
  id: 'leaderboard',
  title: '/leaderboard',
  async run({ hands, rec }) {
    await hands.quietQuiz(ALICE, OTHER_CHANNEL, 5);
    await hands.quietQuiz(BOB, OTHER_CHANNEL, 5, [0, 1]);
    await hands.quietQuiz(CAROL, OTHER_CHANNEL, 3, [2]);
    await hands.run(ALICE, OTHER_CHANNEL, 'group', { name: 'Pipe Dreams' }, 'create');
    await hands.run(BOB, OTHER_CHANNEL, 'group', { name: 'Pipe Dreams' }, 'join');
    await hands.run(CAROL, OTHER_CHANNEL, 'group', { name: 'Night Owls' }, 'create');
    const board = async (caption: string, user: string, options: Record<string, string>) => {
      const r = await hands.slash(user, OTHER_CHANNEL, 'leaderboard', options);
      await r.final();
      await new Promise((res) => setTimeout(res, 300));
      rec.shot(caption, [r.original(), ...r.followUps()], {
        action: `${hands.says(user, 'leaderboard', options)} (alice 5/5, bob 3/5, carol 2/3 right; groups: Pipe Dreams = alice + bob, Night Owls = carol)`,
      });
    };
    await board('leaderboard · members this week: public board + private rank', CAROL, {});
    await board('leaderboard · groups, all time', ALICE, { period: 'all', scope: 'groups' });
    await board('leaderboard · someone with no answers yet', ADMIN, { period: 'month' });
    await board('leaderboard · groups, asked by someone in no group', ADMIN, { scope: 'groups' });
  },
};

const daily: Scenario = {
  id: 'daily',
  title: '/daily and the daily question',
  clock: '2026-06-01T03:00:00Z',
  async run({ h, hands, rec }) {
    const setOptions = { channel: CHANNEL, time: '09:00', timezone: DAILY_ZONE };
    rec.shot('daily · set', await hands.run(ADMIN, OTHER_CHANNEL, 'daily', setOptions, 'set'), {
      action: `${hands.says(ADMIN, 'daily', setOptions, 'set')} (at 08:30 in Kolkata)`,
    });
    rec.shot('daily · status before the first post', await hands.run(ADMIN, OTHER_CHANNEL, 'daily', {}, 'status'), {
      action: hands.says(ADMIN, 'daily', {}, 'status'),
    });
    rec.shot('daily · now', await hands.run(ADMIN, OTHER_CHANNEL, 'daily', {}, 'now'), { action: hands.says(ADMIN, 'daily', {}, 'now') });
    const post = await waitFor(() => dailyPosts(h)[0], 'the daily post');
    rec.shot('daily · the daily post in #daily', post, { action: 'the bot posts in #daily' });
    const question = dailyQuestion(h, post.id);
    const right = lettersFor(question, true)[0]!;
    const wrong = lettersFor(question, false)[0]!;
    rec.shot('daily · a member’s private answer, right', await hands.press(ALICE, post, findId(post, 'v1:da:', `:${right}`)), {
      action: `alice presses ${right}`,
    });
    rec.shot('daily · a member’s private answer, wrong', await hands.press(BOB, post, findId(post, 'v1:da:', `:${wrong}`)), {
      action: `bob presses ${wrong} (the answer is ${right})`,
    });
    await hands.press(CAROL, post, findId(post, 'v1:da:', `:${right}`));
    rec.shot('daily · pressing again', await hands.press(ALICE, post, findId(post, 'v1:da:', `:${wrong}`)), {
      action: `alice presses ${wrong} after answering ${right}`,
    });
    await waitFor(() => (JSON.stringify(h.fake.messageById(post.id)?.embeds).includes('3 answered') ? true : undefined), 'the count');
    rec.shot('daily · the post after three answers', post, { action: 'alice, bob and carol answered' });
    rec.shot('daily · now again the same day', await hands.run(ADMIN, OTHER_CHANNEL, 'daily', {}, 'now'), {
      action: hands.says(ADMIN, 'daily', {}, 'now'),
    });
    rec.shot('daily · status after the post', await hands.run(ADMIN, OTHER_CHANNEL, 'daily', {}, 'status'), {
      action: hands.says(ADMIN, 'daily', {}, 'status'),
    });
    h.setClock('2026-06-02T03:29:57Z');
    const next = await waitFor(() => dailyPosts(h).find((m) => m.id !== post.id), 'the next daily post');
    rec.shot('daily · the next day’s post, with the reveal', next, { action: 'next day, 09:00 in Kolkata: the bot posts' });
    rec.shot('daily · the previous post, closed', post, { action: 'yesterday’s post, edited by the bot' });
    rec.shot('daily · off', await hands.run(ADMIN, OTHER_CHANNEL, 'daily', {}, 'off'), { action: hands.says(ADMIN, 'daily', {}, 'off') });
  },
};

const digest: Scenario = {
  id: 'digest',
  title: 'Weekly digest',
  // Monday 1 June 2026, a quarter of an hour before the daily time.
  clock: '2026-06-01T08:45:00Z',
  async run({ h, hands, rec }) {
    const setOptions = { channel: CHANNEL, time: '09:00', timezone: 'UTC' };
    await hands.run(ADMIN, OTHER_CHANNEL, 'daily', setOptions, 'set');
    rec.shot('digest · turned on', await hands.run(ADMIN, OTHER_CHANNEL, 'daily', { day: '0' }, 'digest'), {
      action: `${hands.says(ADMIN, 'daily', { day: '0' }, 'digest')} (Monday), after /daily set at 09:00 UTC`,
    });
    await hands.quietQuiz(ALICE, OTHER_CHANNEL, 5, [0, 1, 2], { task: '1.2' });
    await hands.quietQuiz(BOB, OTHER_CHANNEL, 5, [1, 2, 3], { task: '1.2' });
    await hands.quietQuiz(CAROL, OTHER_CHANNEL, 4);
    await hands.run(ALICE, OTHER_CHANNEL, 'group', { name: 'Pipe Dreams' }, 'create');
    await hands.run(BOB, OTHER_CHANNEL, 'group', { name: 'Pipe Dreams' }, 'join');
    rec.shot('digest · daily status with the digest on', await hands.run(ADMIN, OTHER_CHANNEL, 'daily', {}, 'status'), {
      action: hands.says(ADMIN, 'daily', {}, 'status'),
    });
    h.setClock('2026-06-01T08:59:57Z');
    const post = await waitFor(() => digestPosts(h)[0], 'the weekly digest', 20_000);
    rec.shot('digest · the weekly digest in #daily', post, {
      action:
        'Monday 09:00 UTC: the bot posts (this morning alice and bob got 2 of 5 right on task 1.2, carol 4 of 4; Pipe Dreams = alice + bob)',
    });
    const practice = findIdOrNull(post, 'v1:wt:');
    if (practice)
      rec.shot('digest · a Practice button', await hands.press(CAROL, post, practice), { action: 'carol presses the first button' });
    else rec.remark('digest · a Practice button', 'The digest had no Practice button.');
  },
};

const exam: Scenario = {
  id: 'exam',
  title: '/exam',
  async run({ h, hands, rec }) {
    const start = await hands.run(ALICE, OTHER_CHANNEL, 'exam', { length: 3 });
    rec.shot('exam · start: question 1 of 3', start, { action: hands.says(ALICE, 'exam', { length: 3 }) });
    const questions = sessionQuestions(h, sessionOf(start, 'v1:ea:'));
    const pickAll = async (message: APIMessage, letters: string[]) => {
      for (const l of letters) message = await hands.press(ALICE, message, findId(message, 'v1:ea:', `:${l}`));
      return message;
    };
    let message = await pickAll(start, lettersFor(questions[0]!, true));
    rec.shot('exam · a question with a pick', message, { action: `alice presses ${lettersFor(questions[0]!, true).join(' and ')}` });
    message = await hands.press(ALICE, message, findId(message, 'v1:en:'));
    message = await pickAll(message, lettersFor(questions[1]!, false));
    rec.shot('exam · question 2, answered wrong', message, {
      action: `alice presses Next ▶, then ${lettersFor(questions[1]!, false).join(' and ')}`,
    });
    message = await hands.press(ALICE, message, findId(message, 'v1:es:'));
    rec.shot('exam · submit confirmation', message, { action: 'alice presses “Finish exam…” with question 3 unanswered' });
    message = await hands.press(ALICE, message, findId(message, 'v1:ey:'));
    rec.shot('exam · result', message, { action: 'alice presses “Submit now”' });
    message = await hands.press(ALICE, message, findId(message, 'v1:er:', ':0'));
    rec.shot('exam · review page 1', message, { action: 'alice presses “Review 2 wrong answers”' });
    const forward = customIds(message).find((id) => id.startsWith('v1:er:') && id.endsWith(':1'));
    if (forward) {
      message = await hands.press(ALICE, message, forward);
      rec.shot('exam · review page 2 (the unanswered question)', message, { action: 'alice presses Next ▶' });
    }
    message = await hands.press(ALICE, message, findId(message, 'v1:er:', ':-1'));
    rec.shot('exam · back to the result', message, { action: 'alice presses ↩ Result' });
  },
};

const errors: Scenario = {
  id: 'errors',
  title: 'Error replies',
  env: { RATE_LIMIT_PER_MINUTE: '3' },
  async run({ hands, rec }) {
    const bobs = await hands.run(BOB, OTHER_CHANNEL, 'quiz', { count: 2 });
    const alices = await hands.run(ALICE, OTHER_CHANNEL, 'quiz', { count: 2 });
    const stolen = customIds(bobs)[0]!;
    rec.shot('errors · a button of someone else’s quiz', await hands.forge(ALICE, alices, stolen), {
      action: 'alice’s client sends a press on bob’s quiz button',
    });
    rec.shot('errors · a forged button', await hands.forge(ALICE, alices, 'v1:zz:1'), {
      action: 'a tampered client sends the custom id v1:zz:1',
    });
    rec.shot('errors · an old bot version’s button', await hands.forge(ALICE, alices, 'v0:qa:abcdefgh:0:A'), {
      action: 'a press on a button from an older version (v0:…)',
    });
    rec.shot(
      'errors · a member runs /daily set',
      await hands.run(ALICE, OTHER_CHANNEL, 'daily', { channel: CHANNEL, time: '09:00', timezone: DAILY_ZONE }, 'set'),
      {
        action: `${hands.says(ALICE, 'daily', { channel: CHANNEL, time: '09:00', timezone: DAILY_ZONE }, 'set')} (a server that shows /daily to everyone)`,
      },
    );
    rec.shot(
      'errors · a member sets the server’s exam',
      await hands.run(ALICE, OTHER_CHANNEL, 'settings', { exam: 'mla-c02', for: 'server' }),
      {
        action: hands.says(ALICE, 'settings', { exam: 'mla-c02', for: 'server' }),
      },
    );
    for (let i = 0; i < 3; i++) await hands.run(CAROL, OTHER_CHANNEL, 'lookup', { query: 'kinesis' });
    rec.shot('errors · too many lookups in a minute', await hands.run(CAROL, OTHER_CHANNEL, 'lookup', { query: 'kinesis' }), {
      action: 'carol runs /lookup a fourth time within a minute (limit set to 3 a minute for the gallery)',
    });
    rec.shot('errors · an unknown time zone', await hands.run(CAROL, OTHER_CHANNEL, 'stats', { timezone: 'Mars/Olympus' }), {
      action: hands.says(CAROL, 'stats', { timezone: 'Mars/Olympus' }),
    });
  },
};

export const SCENARIOS: readonly Scenario[] = [help, lookup, quiz, progress, settings, groups, leaderboard, daily, digest, exam, errors];
