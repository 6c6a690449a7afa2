import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/discord/rate-limit.js';

describe('the per-person rate limit', () => {
  it('allows the limit within a minute, then says how long to wait, per person', () => {
    let now = 1_000_000;
    const limiter = new RateLimiter(3, () => now);
    expect([limiter.take('ann'), limiter.take('ann'), limiter.take('ann')]).toEqual([0, 0, 0]);
    now += 20_000;
    expect(limiter.take('ann')).toBe(40);
    expect(limiter.take('bob')).toBe(0);
    now += 40_000;
    expect(limiter.take('ann')).toBe(0);
  });

  it('slides: the oldest use leaving the window frees one place', () => {
    let now = 0;
    const limiter = new RateLimiter(2, () => now);
    limiter.take('ann');
    now = 30_000;
    limiter.take('ann');
    now = 59_000;
    expect(limiter.take('ann')).toBe(1);
    now = 60_001;
    expect(limiter.take('ann')).toBe(0);
    expect(limiter.take('ann')).toBe(30);
  });

  it('forgets people who went quiet once it holds many, so memory stays bounded', () => {
    let now = 0;
    const limiter = new RateLimiter(1, () => now);
    for (let i = 0; i < 10_001; i++) limiter.take(`p${i}`);
    now = 61_000;
    limiter.take('late');
    expect((limiter as unknown as { hits: Map<string, number[]> }).hits.size).toBe(1);
  });
});
