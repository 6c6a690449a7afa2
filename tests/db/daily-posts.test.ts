import { describe, expect, it } from 'vitest';
import { fixedClock } from '../helpers/clock.js';
import {
  dailyAnswerStats,
  getDailyPost,
  latestDailyPost,
  markDailyPostRevealed,
  previousDailyPost,
  recentDailyQuestionIds,
  recentOpenDailyPosts,
  recordSendFailure,
  retryUndeliveredNow,
} from '../../src/db/daily-posts.js';
import { claimDailyPost, setDailyMessageId } from '../../src/db/guild-settings.js';
import { recordAnswer } from '../../src/study/record-answer.js';
import { answer } from '../progress/answers.js';
import { openMemoryDatabase } from './temp.js';

const GUILD = '900000000000000000';

describe('daily posts', () => {
  it('finds the latest post and the one before a day', () => {
    const store = openMemoryDatabase();
    const now = new Date('2025-03-12T08:00:00Z');
    for (const day of ['2025-03-10', '2025-03-11', '2025-03-12']) {
      claimDailyPost(store, { guildId: GUILD, day, questionId: `q-${day}`, channelId: 'c' }, now);
    }
    claimDailyPost(store, { guildId: 'other', day: '2025-03-13', questionId: 'x', channelId: 'c' }, now);
    expect(latestDailyPost(store, GUILD)?.day).toBe('2025-03-12');
    expect(previousDailyPost(store, GUILD, '2025-03-12')?.day).toBe('2025-03-11');
    expect(previousDailyPost(store, GUILD, '2025-03-10')).toBeNull();
    expect(latestDailyPost(store, 'nobody')).toBeNull();
  });

  it('counts answers, right answers and who was first to get it right', () => {
    const store = openMemoryDatabase();
    const post = claimDailyPost(
      store,
      { guildId: GUILD, day: '2025-03-10', questionId: 'q', channelId: 'c' },
      new Date('2025-03-10T08:00:00Z'),
    );
    if (!post) throw new Error('not claimed');
    expect(dailyAnswerStats(store, post.id)).toEqual({ answered: 0, correct: 0, firstCorrect: null });

    const clock = fixedClock('2025-03-10T08:01:00Z');
    const daily = { guildId: GUILD, source: 'daily' as const, sourceRef: String(post.id), questionId: 'q' };
    recordAnswer(store, answer({ ...daily, personId: 'ann', correct: false }), clock);
    clock.advance(60_000);
    recordAnswer(store, answer({ ...daily, personId: 'bob', correct: true }), clock);
    recordAnswer(store, answer({ ...daily, personId: 'bob', correct: true }), clock); // double click
    clock.advance(60_000);
    recordAnswer(store, answer({ ...daily, personId: 'cy', correct: true }), clock);
    recordAnswer(store, answer({ personId: 'dee', sourceRef: String(post.id), source: 'quiz' }), clock); // not daily

    expect(dailyAnswerStats(store, post.id)).toEqual({
      answered: 3,
      correct: 2,
      firstCorrect: { personId: 'bob', answeredAt: new Date('2025-03-10T08:02:00Z') },
    });
  });

  it('recent questions, and delivered posts still open for answers', () => {
    const store = openMemoryDatabase();
    const at = (iso: string) => new Date(iso);
    const a = claimDailyPost(store, { guildId: GUILD, day: '2025-03-09', questionId: 'q9', channelId: 'c' }, at('2025-03-09T08:00:00Z'));
    const b = claimDailyPost(store, { guildId: GUILD, day: '2025-03-10', questionId: 'q10', channelId: 'c' }, at('2025-03-10T08:00:00Z'));
    if (!a || !b) throw new Error('not claimed');
    expect(recentDailyQuestionIds(store, GUILD, 5)).toEqual(['q10', 'q9']);
    setDailyMessageId(store, a.id, 'm1');
    expect(recentOpenDailyPosts(store, at('2025-03-01T00:00:00Z')).map((p) => p.id)).toEqual([a.id]);
    expect(recentOpenDailyPosts(store, at('2025-03-09T09:00:00Z'))).toEqual([]);
    markDailyPostRevealed(store, a.id, at('2025-03-10T08:00:00Z'));
    expect(recentOpenDailyPosts(store, at('2025-03-01T00:00:00Z'))).toEqual([]);
  });

  it('counts failed deliveries with the reason, and clears them once delivered', () => {
    const store = openMemoryDatabase();
    const post = claimDailyPost(
      store,
      { guildId: GUILD, day: '2025-03-10', questionId: 'q', channelId: 'c' },
      new Date('2025-03-10T08:00:00Z'),
    );
    if (!post) throw new Error('not claimed');
    recordSendFailure(store, post.id, 'Discord answered 503', new Date('2025-03-10T08:00:30Z'));
    recordSendFailure(store, post.id, 'Discord answered 502', new Date('2025-03-10T08:01:30Z'));
    expect(getDailyPost(store, post.id)).toMatchObject({
      sendAttempts: 2,
      lastError: 'Discord answered 502',
      nextAttemptAt: new Date('2025-03-10T08:01:30Z'),
    });
    retryUndeliveredNow(store, post.id, 'c2');
    expect(getDailyPost(store, post.id)).toMatchObject({ nextAttemptAt: null, channelId: 'c2' });
    setDailyMessageId(store, post.id, 'm1');
    expect(getDailyPost(store, post.id)).toMatchObject({ messageId: 'm1', lastError: null, sendAttempts: 2 });
    retryUndeliveredNow(store, post.id, 'c3');
    expect(getDailyPost(store, post.id)?.channelId).toBe('c2');
  });

  it('remembers when the answer was revealed', () => {
    const store = openMemoryDatabase();
    const post = claimDailyPost(
      store,
      { guildId: GUILD, day: '2025-03-10', questionId: 'q', channelId: 'c' },
      new Date('2025-03-10T08:00:00Z'),
    );
    if (!post) throw new Error('not claimed');
    markDailyPostRevealed(store, post.id, new Date('2025-03-11T08:00:00Z'));
    expect(getDailyPost(store, post.id)?.revealedAt).toEqual(new Date('2025-03-11T08:00:00Z'));
  });
});
