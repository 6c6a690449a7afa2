import { isTimeZone } from '../config.js';
import type { Engine } from '../core/engine.js';
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
  type DailyAnswerStats,
  type DailyPost,
} from '../db/daily-posts.js';
import {
  claimDailyPost,
  disableDaily,
  getGuildSettings,
  listEnabledGuilds,
  setDailyMessageId,
  setLastError,
  upsertGuildSettings,
  type GuildSettings,
} from '../db/guild-settings.js';
import type { Exam } from '../knowledge/exams.js';
import { addDays, localDate, localInstant, localTime } from '../progress/calendar.js';
import { dailyDue, retryDelayMs } from '../progress/daily-due.js';
import type { StreakView } from '../progress/streak.js';
import { DAILY_NO_REPEAT, pickDailyQuestion } from '../quiz/daily-pick.js';
import { fastThresholdMs, grade, type Grade } from '../quiz/grading.js';
import type { Question } from '../quiz/question.js';
import { guildExam, zoneFor } from './preferences.js';
import { recordAnswer } from './record-answer.js';
import { refuse, type Refusal } from './refusal.js';

export type { DailyAnswerStats, DailyPost } from '../db/daily-posts.js';

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** Open posts younger than this get their answer count refreshed at start (a restart may have cut a refresh short). */
const OPEN_POST_REFRESH_WINDOW_MS = 48 * 3600_000;

/** Everything a daily message shows: the post, its question, the answers so far and when the answer comes. */
export interface DailyPostView {
  post: DailyPost;
  question: Question;
  exam: Exam;
  stats: DailyAnswerStats;
  /** When the next post reveals this one's answer (the guild's next daily time). */
  revealAt: Date | null;
}

export interface DailySetup {
  channelId: string;
  time: string;
  timeZone: string;
  domain: string | null;
}

export type DailySetupProblem = 'time' | 'time-zone' | 'domain';

/** Turns the daily question on (or changes it); an undelivered post of today goes to the new channel at once. */
export function setDaily(
  engine: Engine,
  guildId: string,
  setup: DailySetup,
): { ok: true; next: DailyNext } | { ok: false; problems: DailySetupProblem[] } {
  const time = TIME.exec(setup.time.trim());
  const exam = guildExam(engine, guildId);
  const problems: DailySetupProblem[] = [];
  if (!time) problems.push('time');
  if (!isTimeZone(setup.timeZone)) problems.push('time-zone');
  if (setup.domain !== null && !exam.domains.some((d) => d.id === setup.domain)) problems.push('domain');
  if (problems.length > 0 || !time) return { ok: false, problems };
  const dailyTime = `${time[1]!.padStart(2, '0')}:${time[2]}`;
  upsertGuildSettings(
    engine.store,
    guildId,
    { dailyChannelId: setup.channelId, dailyTime, timeZone: setup.timeZone, domain: setup.domain, enabled: true },
    engine.clock.now(),
  );
  const pending = latestDailyPost(engine.store, guildId);
  if (pending && pending.messageId === null) retryUndeliveredNow(engine.store, pending.id, setup.channelId);
  return { ok: true, next: nextPost(engine, guildId)! };
}

export function dailyOff(engine: Engine, guildId: string): void {
  disableDaily(engine.store, guildId, engine.clock.now());
}

export interface DailyNext {
  at: Date;
  time: string;
  timeZone: string;
}

/** When the next post comes, or null when the daily question is off. */
export function nextPost(engine: Engine, guildId: string): DailyNext | null {
  const settings = getGuildSettings(engine.store, guildId);
  if (!settings?.enabled || !settings.dailyChannelId) return null;
  return nextPostOf(settings, engine.clock.now());
}

function nextPostOf(settings: GuildSettings, now: Date): DailyNext {
  const today = localDate(now, settings.timeZone);
  const postedToday = settings.lastPostedDay !== null && settings.lastPostedDay >= today;
  const day = postedToday ? addDays(today, 1) : today;
  const at = localInstant(day, settings.dailyTime, settings.timeZone);
  // Due but not posted yet (the tick runs every 30 s): it goes out now.
  return { at: at < now ? now : at, time: settings.dailyTime, timeZone: settings.timeZone };
}

export interface DailyStatus {
  enabled: boolean;
  channelId: string | null;
  exam: Exam;
  domain: string | null;
  next: DailyNext | null;
  last:
    | { day: string; delivered: true; answered: number }
    | { day: string; delivered: false; since: Date; retryAt: Date | null; problem: string | null }
    | null;
  /** The last problem with the channel (missing permission, deleted channel). */
  problem: string | null;
}

export function dailyStatus(engine: Engine, guildId: string): DailyStatus {
  const settings = getGuildSettings(engine.store, guildId);
  const last = latestDailyPost(engine.store, guildId);
  const now = engine.clock.now();
  return {
    enabled: settings?.enabled === true && settings.dailyChannelId !== null,
    channelId: settings?.dailyChannelId ?? null,
    exam: guildExam(engine, guildId),
    domain: settings?.domain ?? null,
    next: settings ? nextPost(engine, guildId) : null,
    last: !last
      ? null
      : last.messageId !== null
        ? { day: last.day, delivered: true, answered: dailyAnswerStats(engine.store, last.id).answered }
        : {
            day: last.day,
            delivered: false,
            since: last.postedAt,
            retryAt: last.nextAttemptAt && last.nextAttemptAt > now ? last.nextAttemptAt : null,
            problem: last.lastError,
          },
    problem: settings?.lastError ?? null,
  };
}

/** The work the scheduler has now: a new post (claimed here, once per day) or a retry, per guild. */
export interface DailyJob {
  guildId: string;
  post: DailyPost;
  /** A retry of an earlier, undelivered claim: it may already be in the channel. */
  retry: boolean;
}

/** Claims today's post for every guild whose time has come, and lists undelivered posts due for a retry. */
export function dueDailyJobs(engine: Engine): { jobs: DailyJob[]; problems: Array<{ guildId: string; problem: 'no-question' }> } {
  const jobs: DailyJob[] = [];
  const problems: Array<{ guildId: string; problem: 'no-question' }> = [];
  for (const guild of listEnabledGuilds(engine.store)) {
    const due = dailyDue(guild, latestDailyPost(engine.store, guild.guildId), engine.clock.now());
    if (due.action === 'retry') jobs.push({ guildId: guild.guildId, post: due.post, retry: true });
    if (due.action !== 'post') continue;
    const claimed = claimToday(engine, guild, due.day);
    if (claimed.ok) jobs.push({ guildId: guild.guildId, post: claimed.post, retry: false });
    else if (claimed.reason === 'no-question') problems.push({ guildId: guild.guildId, problem: 'no-question' });
  }
  return { jobs, problems };
}

function claimToday(
  engine: Engine,
  guild: GuildSettings,
  day: string,
): { ok: true; post: DailyPost } | { ok: false; reason: 'no-question' | 'already-posted' } {
  const { content, store, clock, random } = engine;
  const exam = guildExam(engine, guild.guildId);
  const question = pickDailyQuestion(
    content.pool.questions,
    recentDailyQuestionIds(store, guild.guildId, DAILY_NO_REPEAT),
    exam.code,
    guild.domain,
    random,
  );
  if (!question) {
    setLastError(store, guild.guildId, 'no single-answer question in the chosen domain', clock.now());
    return { ok: false, reason: 'no-question' };
  }
  const post = claimDailyPost(
    store,
    { guildId: guild.guildId, day, questionId: question.id, channelId: guild.dailyChannelId! },
    clock.now(),
  );
  return post ? { ok: true, post } : { ok: false, reason: 'already-posted' };
}

/** /daily now: today's post at once, or today's undelivered one again without waiting for its back-off. */
export function dailyNowJob(
  engine: Engine,
  guildId: string,
): { ok: true; job: DailyJob } | { ok: false; reason: 'off' | 'already-posted' | 'no-question'; day: string } {
  const settings = getGuildSettings(engine.store, guildId);
  const now = engine.clock.now();
  if (!settings?.enabled || !settings.dailyChannelId) return { ok: false, reason: 'off', day: localDate(now, 'UTC') };
  const today = localDate(now, settings.timeZone);
  const due = dailyDue(settings, latestDailyPost(engine.store, guildId), now);
  if (due.action === 'retry' || (due.action === 'none' && due.why === 'backing-off')) {
    retryUndeliveredNow(engine.store, due.post.id, settings.dailyChannelId);
    return { ok: true, job: { guildId, post: getDailyPost(engine.store, due.post.id)!, retry: true } };
  }
  if (due.action === 'none' && due.why === 'posted') return { ok: false, reason: 'already-posted', day: today };
  const claimed = claimToday(engine, settings, today);
  return claimed.ok ? { ok: true, job: { guildId, post: claimed.post, retry: false } } : { ok: false, reason: claimed.reason, day: today };
}

/** Discord took the post: remember its message, and that the channel works. */
export function dailyDelivered(engine: Engine, job: DailyJob, messageId: string): void {
  setDailyMessageId(engine.store, job.post.id, messageId);
  setLastError(engine.store, job.guildId, null, engine.clock.now());
}

/** Discord did not take the post: why, and when it is tried again. */
export function dailyNotDelivered(engine: Engine, job: DailyJob, reason: string): Date {
  const now = engine.clock.now();
  const retryAt = new Date(now.getTime() + retryDelayMs(job.post.sendAttempts + 1));
  recordSendFailure(engine.store, job.post.id, reason, retryAt);
  setLastError(engine.store, job.guildId, reason, now);
  return retryAt;
}

/** What a daily message shows now. */
export function dailyPostView(engine: Engine, postId: number): DailyPostView | null {
  const post = getDailyPost(engine.store, postId);
  const question = post && engine.content.pool.byId.get(post.questionId);
  if (!post || !question) return null;
  const settings = getGuildSettings(engine.store, post.guildId);
  const revealAt = post.revealedAt === null && settings ? localInstant(addDays(post.day, 1), settings.dailyTime, settings.timeZone) : null;
  return { post, question, exam: guildExam(engine, post.guildId), stats: dailyAnswerStats(engine.store, post.id), revealAt };
}

/** Closes the post before `job`'s: marks it revealed and returns it for the edit and the reveal line. */
export function revealPrevious(engine: Engine, job: DailyJob): DailyPostView | null {
  const previous = previousDailyPost(engine.store, job.guildId, job.post.day);
  if (!previous) return null;
  if (previous.revealedAt === null) markDailyPostRevealed(engine.store, previous.id, engine.clock.now());
  return dailyPostView(engine, previous.id);
}

/** Delivered posts still open, whose answer count a restart may have left stale. */
export function openDailyPosts(engine: Engine): DailyPostView[] {
  const since = new Date(engine.clock.now().getTime() - OPEN_POST_REFRESH_WINDOW_MS);
  return recentOpenDailyPosts(engine.store, since)
    .map((p) => dailyPostView(engine, p.id))
    .filter((v): v is DailyPostView => v !== null);
}

/** A server removed the bot: no more posts for it. */
export function guildGone(engine: Engine, guildId: string): void {
  disableDaily(engine.store, guildId, engine.clock.now());
}

export interface DailyFeedback {
  ok: true;
  view: DailyPostView;
  grade: Grade;
  /** The member had already answered this post: their first answer stands. */
  duplicate: boolean;
  streak: StreakView | null;
  points: number;
}

/**
 * One member's answer to a daily post. Each member answers once: a second click, even on another
 * letter, returns the first answer and changes nothing.
 */
export function answerDaily(
  engine: Engine,
  input: { postId: number; guildId: string; personId: string; letter: string },
): DailyFeedback | Refusal {
  const view = dailyPostView(engine, input.postId);
  if (!view || view.post.guildId !== input.guildId) return refuse('not-found', { subject: 'daily-post' });
  const { post, question } = view;
  if (post.revealedAt) return refuse('closed', { answer: question.answer.join('') });
  if (!'ABCDEFGH'.slice(0, question.choices.length).includes(input.letter)) return refuse('not-a-choice', { letter: input.letter });
  const result = grade(question, input.letter);
  const recorded = recordAnswer(
    engine.store,
    {
      personId: input.personId,
      guildId: input.guildId,
      zone: zoneFor(engine, input.personId, input.guildId),
      questionId: question.id,
      sectionId: question.section,
      domain: question.exams[view.exam.code]?.domain ?? '',
      chosen: result.chosen,
      correct: result.correct,
      source: 'daily',
      sourceRef: String(post.id),
      step: 0,
      durationMs: null,
      fastThresholdMs: fastThresholdMs(question),
    },
    engine.clock,
  );
  return {
    ok: true,
    view,
    grade: recorded.duplicate ? grade(question, recorded.attempt.chosen) : result,
    duplicate: recorded.duplicate,
    streak: recorded.duplicate ? null : recorded.streak,
    points: recorded.duplicate ? 0 : recorded.points,
  };
}

/** The local day and time of an instant in the guild's zone, for messages. */
export function guildClock(engine: Engine, guildId: string, instant: Date): { day: string; time: string; timeZone: string } {
  const zone = getGuildSettings(engine.store, guildId)?.timeZone ?? engine.defaults.timeZone;
  return { day: localDate(instant, zone), time: localTime(instant, zone), timeZone: zone };
}
