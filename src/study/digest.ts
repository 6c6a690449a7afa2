import type { Engine } from '../core/engine.js';
import {
  claimDigest,
  digestDelivered,
  digestFailed,
  guildAnswers,
  guildMembersActive,
  latestDigest,
  type DigestPost,
} from '../db/digest-posts.js';
import { getGuildSettings, listEnabledGuilds, upsertGuildSettings } from '../db/guild-settings.js';
import type { Exam } from '../knowledge/exams.js';
import { addDays, localDate, localTime, weekdayIndex } from '../progress/calendar.js';
import { leaderboard } from './leaderboard.js';
import { guildExam } from './preferences.js';
import { readiness } from './readiness.js';

/** A task counts as the group's weak spot only with this many answers behind it in the last four weeks. */
const MIN_TASK_ANSWERS = 5;
const WINDOW_MS = 28 * 86_400_000;
export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export interface Digest {
  post: DigestPost;
  exam: Exam;
  /** The group's three weakest tasks with enough answers, weakest first. */
  weakTasks: Array<{ task: string; name: string; answers: number; correct: number }>;
  /** Members who answered lately, and how many of them would likely pass today (by readiness). */
  members: number;
  likelyToPass: number;
  /** Members without enough answers for a prediction. */
  unknown: number;
  /** The week's most active study group, if any answered. */
  topGroup: { name: string; points: number; members: number } | null;
}

/** Turns the weekly digest on for a weekday (0 = Monday), or off with null. It posts at the daily time. */
export function setDigestDay(engine: Engine, guildId: string, day: number | null): void {
  upsertGuildSettings(engine.store, guildId, { digestDay: day }, engine.clock.now());
}

function mondayOf(day: string): string {
  return addDays(day, -weekdayIndex(day));
}

/** Claims this week's digest for every guild whose digest day and time have come. Exactly once a week, across restarts. */
export function dueDigests(engine: Engine): DigestPost[] {
  const now = engine.clock.now();
  const due: DigestPost[] = [];
  for (const guild of listEnabledGuilds(engine.store)) {
    if (guild.digestDay === null || !guild.dailyChannelId) continue;
    const today = localDate(now, guild.timeZone);
    const week = mondayOf(today);
    const latest = latestDigest(engine.store, guild.guildId);
    // A claimed but undelivered digest of this week is tried again; a later week supersedes it.
    if (latest && latest.week === week) {
      if (latest.messageId === null) due.push(latest);
      continue;
    }
    if (weekdayIndex(today) !== guild.digestDay || localTime(now, guild.timeZone) < guild.dailyTime) continue;
    const claimed = claimDigest(engine.store, { guildId: guild.guildId, week, channelId: guild.dailyChannelId }, now);
    if (claimed) due.push(claimed);
  }
  return due;
}

/** What the digest says, computed when it is sent. */
export function digestOf(engine: Engine, post: DigestPost): Digest {
  const exam = guildExam(engine, post.guildId);
  const since = new Date(engine.clock.now().getTime() - WINDOW_MS);
  const tally = new Map<string, { answers: number; correct: number }>();
  for (const a of guildAnswers(engine.store, post.guildId, since)) {
    const task = engine.content.pool.byId.get(a.questionId)?.exams[exam.code]?.task;
    if (!task) continue;
    const t = tally.get(task) ?? { answers: 0, correct: 0 };
    t.answers++;
    if (a.correct) t.correct++;
    tally.set(task, t);
  }
  // Weakest by accuracy with a prior of two right in four, so three lucky answers are no weak spot.
  const weakTasks = [...tally]
    .filter(([, t]) => t.answers >= MIN_TASK_ANSWERS)
    .map(([task, t]) => ({
      task,
      name: exam.tasks.find((x) => x.id === task)?.name ?? task,
      ...t,
      score: (t.correct + 2) / (t.answers + 4),
    }))
    .sort((a, b) => a.score - b.score)
    .slice(0, 3)
    .map(({ score: _score, ...t }) => t);
  let likelyToPass = 0;
  let unknown = 0;
  const members = guildMembersActive(engine.store, post.guildId, since);
  for (const personId of members) {
    const { estimate } = readiness(engine, { personId, guildId: post.guildId, exam });
    if (!estimate.enough) unknown++;
    else if (estimate.passProbability >= 0.5) likelyToPass++;
  }
  const groups = leaderboard(engine, { guildId: post.guildId, period: 'week', scope: 'groups', callerId: '' });
  const top = groups.rows[0];
  return {
    post,
    exam,
    weakTasks,
    members: members.length,
    likelyToPass,
    unknown,
    topGroup: top && top.points > 0 ? { name: top.name ?? top.id, points: top.points, members: top.members ?? 0 } : null,
  };
}

export function markDigestDelivered(engine: Engine, post: DigestPost, messageId: string): void {
  digestDelivered(engine.store, post.id, messageId);
}

export function markDigestFailed(engine: Engine, post: DigestPost, reason: string): void {
  digestFailed(engine.store, post.id, reason);
}

export function digestDay(engine: Engine, guildId: string): number | null {
  return getGuildSettings(engine.store, guildId)?.digestDay ?? null;
}
