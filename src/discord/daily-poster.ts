import { Cron } from 'croner';
import { DiscordAPIError, type Client, type Message } from 'discord.js';
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
  type DailyPost,
} from '../db/daily-posts.js';
import { claimDailyPost, getGuildSettings, listEnabledGuilds, setDailyMessageId, setLastError, type GuildSettings } from '../db/guild-settings.js';
import type { Engine } from '../engine.js';
import type { Logger } from '../logger.js';
import { localDate } from '../progress/calendar.js';
import { dailyDue, retryDelayMs } from '../progress/daily-due.js';
import { pickDailyQuestion, DAILY_NO_REPEAT } from '../quiz/daily-pick.js';
import { submitExpiredExams } from '../quiz/exam-session.js';
import { encodeCustomId } from './custom-id.js';
import { dailyPostPayload, revealLine } from './daily-post-view.js';
import { describeDiscordError } from './discord-error.js';

/** Answer counts on a post are refreshed at most this often, whatever the burst of answers. */
const REFRESH_DEBOUNCE_MS = 2_000;
/** Open posts younger than this get their answer count refreshed at start (a restart may have cut a refresh short). */
const OPEN_POST_REFRESH_WINDOW_MS = 48 * 3600_000;

const FRIENDLY_ERRORS: Record<number, string> = {
  10003: 'the daily channel no longer exists: pick another with /daily set',
  50001: 'the bot cannot see the daily channel: give it View Channel there',
  50013: 'the bot may not post in the daily channel: give it Send Messages and Embed Links there',
};

export interface PostOutcome {
  ok: boolean;
  message: string;
}

/**
 * One scheduler for every guild: a croner tick asks the daily rule (daily-due.ts) what each guild needs
 * (a new post, a retry of an undelivered one, nothing) and submits mock exams whose deadline passed.
 * The store's claim makes a day's post happen once, also after a restart and with two ticks racing; a
 * claimed post that Discord did not take is retried with back-off until it is delivered or the day ends.
 */
export class DailyPoster {
  private job: Cron | undefined;
  private readonly pendingRefresh = new Map<number, NodeJS.Timeout>();
  private running: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly client: Client,
    private readonly engine: Engine,
    private readonly log: Logger,
    private readonly tickPattern: string,
    /** False while the store cannot be written: nothing is claimed or sent then. */
    private readonly storeWritable: () => boolean,
  ) {}

  start(): void {
    // protect: a slow tick (Discord rate limits) is never overlapped by the next one.
    this.job = new Cron(this.tickPattern, { protect: true, catch: (e) => this.log.error({ err: e }, 'daily tick failed') }, () => this.tick());
    this.refreshOpenPosts();
    void this.tick();
  }

  /** Stops scheduling and waits for the tick in progress, but never longer than `graceMs` (a 429 can sleep for minutes). */
  async stop(graceMs: number): Promise<void> {
    this.stopped = true;
    this.job?.stop();
    for (const timer of this.pendingRefresh.values()) clearTimeout(timer);
    this.pendingRefresh.clear();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.running, new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
    clearTimeout(timer);
  }

  /** Posts or retries for every guild whose time has come; one guild's failure never stops the others. */
  tick(): Promise<void> {
    this.running = this.running.then(async () => {
      if (this.stopped || !this.storeWritable()) return;
      const submitted = submitExpiredExams(this.engine);
      if (submitted > 0) this.log.info({ submitted }, 'exams submitted at their deadline');
      for (const guild of listEnabledGuilds(this.engine.store)) {
        if (this.stopped) return;
        const due = dailyDue(guild, latestDailyPost(this.engine.store, guild.guildId), this.engine.clock.now());
        if (due.action === 'retry') await this.deliver(guild, due.post, { fresh: false });
        else if (due.action === 'post') await this.postFor(guild, due.day);
      }
    });
    return this.running;
  }

  /** /daily now: today's post at once; an undelivered one is sent again without waiting for its back-off. */
  async postNow(guildId: string): Promise<PostOutcome> {
    let outcome: PostOutcome = { ok: false, message: '' };
    this.running = this.running.then(async () => {
      const guild = getGuildSettings(this.engine.store, guildId);
      if (!guild?.enabled || !guild.dailyChannelId) {
        outcome = { ok: false, message: 'The daily question is off here. Set it up with `/daily set`.' };
        return;
      }
      const now = this.engine.clock.now();
      const due = dailyDue(guild, latestDailyPost(this.engine.store, guildId), now);
      if (due.action === 'retry' || (due.action === 'none' && due.why === 'backing-off')) {
        retryUndeliveredNow(this.engine.store, due.post.id, guild.dailyChannelId);
        const post = getDailyPost(this.engine.store, due.post.id)!;
        outcome = await this.deliver(guild, post, { fresh: false });
      } else if (due.action === 'none' && due.why === 'posted') {
        outcome = { ok: false, message: `Today's question (${localDate(now, guild.timeZone)}) is already posted.` };
      } else {
        outcome = await this.postFor(guild, localDate(now, guild.timeZone));
      }
    });
    await this.running;
    return outcome;
  }

  private async postFor(guild: GuildSettings, day: string): Promise<PostOutcome> {
    const { content, store, clock, random } = this.engine;
    const question = pickDailyQuestion(content.pool.questions, recentDailyQuestionIds(store, guild.guildId, DAILY_NO_REPEAT), guild.domain, random);
    if (!question) {
      setLastError(store, guild.guildId, 'no single-answer question in the chosen domain', clock.now());
      return { ok: false, message: 'No question fits the chosen domain.' };
    }
    const post = claimDailyPost(store, { guildId: guild.guildId, day, questionId: question.id, channelId: guild.dailyChannelId! }, clock.now());
    if (!post) return { ok: false, message: `Today's question (${day}) is already posted.` };
    return this.deliver(guild, post, { fresh: true });
  }

  /**
   * Sends a claimed post (revealing the previous one first) and records Discord's message id. A retry
   * first looks for the message in the channel: an earlier try may have been posted with its answer
   * lost, and Discord only remembers a nonce for a few minutes, so the nonce alone cannot stop a double.
   */
  private async deliver(guild: GuildSettings, post: DailyPost, { fresh }: { fresh: boolean }): Promise<PostOutcome> {
    const { content, store, clock } = this.engine;
    const question = content.pool.byId.get(post.questionId);
    if (!question) return { ok: false, message: 'The question of that post is no longer in the pool.' };
    try {
      const previous = await this.revealPrevious(guild, post);
      const channel = await this.client.channels.fetch(post.channelId);
      if (!channel?.isSendable()) throw new Error('the daily channel is not a text channel the bot can post in');
      const found = fresh ? undefined : await this.findPosted(channel, post);
      const message =
        found ??
        (await channel.send({
          ...dailyPostPayload(post, question, dailyAnswerStats(store, post.id), previous),
          // Same nonce on a resend: within Discord's nonce window it returns the first message.
          nonce: `daily-${post.id}`,
          enforceNonce: true,
        }));
      setDailyMessageId(store, post.id, message.id);
      setLastError(store, guild.guildId, null, clock.now());
      this.log.info({ guildId: guild.guildId, day: post.day, postId: post.id, messageId: message.id, attempts: post.sendAttempts + 1, found: found !== undefined }, 'daily question posted');
      return { ok: true, message: `Posted today's question in <#${post.channelId}>.` };
    } catch (error) {
      const reason = error instanceof DiscordAPIError && typeof error.code === 'number' && FRIENDLY_ERRORS[error.code] ? FRIENDLY_ERRORS[error.code]! : shortReason(error);
      const retryAt = new Date(clock.now().getTime() + retryDelayMs(post.sendAttempts + 1));
      recordSendFailure(store, post.id, reason, retryAt);
      setLastError(store, guild.guildId, reason, clock.now());
      this.log.warn({ guildId: guild.guildId, postId: post.id, reason, error: describeDiscordError(error), retryAt: retryAt.toISOString() }, 'daily question not delivered; will retry');
      return { ok: false, message: `Could not post yet: ${reason}. The bot keeps trying.` };
    }
  }

  /** The post's message if it is already in the channel (found by its answer buttons, which carry the post id). */
  private async findPosted(channel: { messages: { fetch(options: { limit: number }): Promise<Iterable<[string, Message]>> } }, post: DailyPost): Promise<Message | undefined> {
    const marker = encodeCustomId('da', post.id, 'A');
    const prefix = marker.slice(0, marker.length - 1);
    try {
      for (const [, message] of await channel.messages.fetch({ limit: 50 })) {
        if (message.author.id !== this.client.user?.id) continue;
        const ids = message.components.flatMap((row) => ('components' in row ? row.components : []).map((c) => ('customId' in c ? (c.customId ?? '') : '')));
        if (ids.some((id) => id.startsWith(prefix))) return message;
      }
    } catch (error) {
      // Without Read Message History the check cannot be made: fall back to the nonce.
      this.log.debug({ postId: post.id, error: describeDiscordError(error) }, 'could not look for an earlier delivery');
    }
    return undefined;
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
      await this.editPost(closed, question, stats).catch((e: unknown) => this.log.warn({ postId: previous.id, error: describeDiscordError(e) }, 'could not close the previous daily post'));
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

  /** A restart may have cut short the refresh of "N answered": bring recent open posts up to date. */
  private refreshOpenPosts(): void {
    const since = new Date(this.engine.clock.now().getTime() - OPEN_POST_REFRESH_WINDOW_MS);
    for (const post of recentOpenDailyPosts(this.engine.store, since)) {
      this.editPost(post).catch((e: unknown) => this.log.warn({ postId: post.id, error: describeDiscordError(e) }, 'could not refresh an open daily post'));
    }
  }

  /** Updates "N answered" on a post soon; a burst of answers costs one edit. */
  refresh(postId: number): void {
    if (this.pendingRefresh.has(postId)) return;
    this.pendingRefresh.set(
      postId,
      setTimeout(() => {
        this.pendingRefresh.delete(postId);
        const post = getDailyPost(this.engine.store, postId);
        if (post) this.editPost(post).catch((e: unknown) => this.log.warn({ postId, error: describeDiscordError(e) }, 'could not update the answer count'));
      }, REFRESH_DEBOUNCE_MS),
    );
  }
}

function shortReason(error: unknown): string {
  if (error instanceof DiscordAPIError) return `Discord answered ${error.status} (${error.message})`;
  if (error instanceof Error && 'status' in error) return `Discord answered ${String(error.status)}`;
  return error instanceof Error ? error.message : String(error);
}
