import { Cron } from 'croner';
import { DiscordAPIError, type Client } from 'discord.js';
import {
  dailyAnswerStats,
  getDailyPost,
  markDailyPostRevealed,
  previousDailyPost,
  recentDailyQuestionIds,
  unsentDailyPosts,
  type DailyPost,
} from '../db/daily-posts.js';
import { claimDailyPost, getGuildSettings, listEnabledGuilds, setDailyMessageId, setLastError, type GuildSettings } from '../db/guild-settings.js';
import type { Engine } from '../engine.js';
import type { Logger } from '../logger.js';
import { localDate, localTime } from '../progress/calendar.js';
import { pickDailyQuestion, DAILY_NO_REPEAT } from '../quiz/daily-pick.js';
import { submitExpiredExams } from '../quiz/exam-session.js';
import { dailyPostPayload, revealLine } from './daily-post-view.js';

/** A resend of an unconfirmed post is only safe while Discord still remembers its nonce. */
const RESEND_WINDOW_MS = 5 * 60_000;
/** Answer counts on a post are refreshed at most this often, whatever the burst of answers. */
const REFRESH_DEBOUNCE_MS = 2_000;

const FRIENDLY_ERRORS: Record<number, string> = {
  10003: 'the daily channel no longer exists: pick another with /daily set',
  50001: 'the bot cannot see the daily channel: give it View Channel there',
  50013: 'the bot may not post in the daily channel: give it Send Messages and Embed Links there',
};

/**
 * One scheduler for every guild: a croner tick checks which guilds have reached their local post time
 * today and have not posted yet (and submits mock exams whose deadline passed). The store's claim makes a day's post happen once, also after a restart
 * (a missed post is made at the first tick after start) and with two ticks racing.
 */
export class DailyPoster {
  private job: Cron | undefined;
  private readonly pendingRefresh = new Map<number, NodeJS.Timeout>();
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly client: Client,
    private readonly engine: Engine,
    private readonly log: Logger,
    private readonly tickPattern: string,
  ) {}

  start(): void {
    // protect: a slow tick (Discord rate limits) is never overlapped by the next one.
    this.job = new Cron(this.tickPattern, { protect: true, catch: (e) => this.log.error({ err: e }, 'daily tick failed') }, () => this.tick());
    void this.tick();
  }

  async stop(): Promise<void> {
    this.job?.stop();
    for (const timer of this.pendingRefresh.values()) clearTimeout(timer);
    this.pendingRefresh.clear();
    await this.running;
  }

  /** Posts for every guild whose time has come; one guild's failure never stops the others. */
  tick(): Promise<void> {
    this.running = this.running.then(async () => {
      const now = this.engine.clock.now();
      const submitted = submitExpiredExams(this.engine);
      if (submitted > 0) this.log.info({ submitted }, 'exams submitted at their deadline');
      for (const post of unsentDailyPosts(this.engine.store, new Date(now.getTime() - RESEND_WINDOW_MS))) {
        const guild = getGuildSettings(this.engine.store, post.guildId);
        if (guild && !guild.lastError) await this.send(guild, post);
      }
      for (const guild of listEnabledGuilds(this.engine.store)) {
        const today = localDate(now, guild.timeZone);
        if (guild.lastPostedDay !== null && guild.lastPostedDay >= today) continue;
        if (localTime(now, guild.timeZone) < guild.dailyTime) continue;
        await this.postFor(guild, today);
      }
    });
    return this.running;
  }

  /** /daily now: today's post at once, unless today's is already out. */
  async postNow(guildId: string): Promise<{ ok: boolean; message: string }> {
    const guild = getGuildSettings(this.engine.store, guildId);
    if (!guild?.enabled || !guild.dailyChannelId) return { ok: false, message: 'The daily question is off here. Set it up with `/daily set`.' };
    const today = localDate(this.engine.clock.now(), guild.timeZone);
    let outcome: { ok: boolean; message: string } = { ok: false, message: '' };
    this.running = this.running.then(async () => {
      outcome = await this.postFor(guild, today);
    });
    await this.running;
    return outcome;
  }

  private async postFor(guild: GuildSettings, day: string): Promise<{ ok: boolean; message: string }> {
    const { content, store, clock, random } = this.engine;
    const question = pickDailyQuestion(content.pool.questions, recentDailyQuestionIds(store, guild.guildId, DAILY_NO_REPEAT), guild.domain, random);
    if (!question) {
      setLastError(store, guild.guildId, 'no single-answer question in the chosen domain', clock.now());
      return { ok: false, message: 'No question fits the chosen domain.' };
    }
    const post = claimDailyPost(store, { guildId: guild.guildId, day, questionId: question.id, channelId: guild.dailyChannelId! }, clock.now());
    if (!post) return { ok: false, message: `Today's question (${day}) is already posted.` };
    const sent = await this.send(guild, post);
    return sent ? { ok: true, message: `Posted today's question in <#${post.channelId}>.` } : { ok: false, message: `Could not post: ${getGuildSettings(store, guild.guildId)?.lastError}` };
  }

  /** Sends a claimed post (revealing the previous one first) and records Discord's message id. */
  private async send(guild: GuildSettings, post: DailyPost): Promise<boolean> {
    const { content, store, clock } = this.engine;
    const question = content.pool.byId.get(post.questionId);
    if (!question) return false;
    try {
      const previous = await this.revealPrevious(guild, post);
      const channel = await this.client.channels.fetch(post.channelId);
      if (!channel?.isSendable()) throw new Error('the daily channel is not a text channel the bot can post in');
      const message = await channel.send({
        ...dailyPostPayload(post, question, dailyAnswerStats(store, post.id), previous),
        // Same nonce on a resend: Discord returns the first message instead of posting twice.
        nonce: `daily-${post.id}`,
        enforceNonce: true,
      });
      setDailyMessageId(store, post.id, message.id);
      setLastError(store, guild.guildId, null, clock.now());
      this.log.info({ guildId: guild.guildId, day: post.day, postId: post.id, messageId: message.id }, 'daily question posted');
      return true;
    } catch (error) {
      const reason = error instanceof DiscordAPIError && typeof error.code === 'number' ? (FRIENDLY_ERRORS[error.code] ?? error.message) : (error as Error).message;
      setLastError(store, guild.guildId, reason, clock.now());
      this.log.warn({ guildId: guild.guildId, postId: post.id, reason }, 'daily question not posted');
      return false;
    }
  }

  /** Closes yesterday's post: shows its answer, the share who got it and the first to get it. */
  private async revealPrevious(guild: GuildSettings, post: DailyPost): Promise<string | undefined> {
    const { content, store, clock } = this.engine;
    const previous = previousDailyPost(store, guild.guildId, post.day);
    const question = previous && content.pool.byId.get(previous.questionId);
    if (!previous || !question) return undefined;
    if (previous.revealedAt === null) markDailyPostRevealed(store, previous.id, clock.now());
    const stats = dailyAnswerStats(store, previous.id);
    if (previous.messageId) {
      const closed = { ...previous, revealedAt: previous.revealedAt ?? clock.now() };
      await this.editPost(closed, question, stats).catch((e: unknown) => this.log.warn({ err: e, postId: previous.id }, 'could not close the previous daily post'));
    }
    return revealLine(question, stats);
  }

  private async editPost(post: DailyPost, question = this.engine.content.pool.byId.get(post.questionId), stats = dailyAnswerStats(this.engine.store, post.id)): Promise<void> {
    if (!post.messageId || !question) return;
    const channel = await this.client.channels.fetch(post.channelId);
    if (!channel?.isTextBased()) return;
    const { content: _previousLine, ...payload } = dailyPostPayload(post, question, stats);
    await channel.messages.edit(post.messageId, payload);
  }

  /** Updates "N answered" on a post soon; a burst of answers costs one edit. */
  refresh(postId: number): void {
    if (this.pendingRefresh.has(postId)) return;
    this.pendingRefresh.set(
      postId,
      setTimeout(() => {
        this.pendingRefresh.delete(postId);
        const post = getDailyPost(this.engine.store, postId);
        if (post) this.editPost(post).catch((e: unknown) => this.log.warn({ err: e, postId }, 'could not update the answer count'));
      }, REFRESH_DEBOUNCE_MS),
    );
  }
}
