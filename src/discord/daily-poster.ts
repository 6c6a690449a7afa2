import { Cron } from 'croner';
import { DiscordAPIError, type Client, type Message } from 'discord.js';
import type { Logger } from '../logger.js';
import {
  dailyDelivered,
  dailyNotDelivered,
  dailyNowJob,
  dailyPostView,
  digestOf,
  dueDailyJobs,
  dueDigests,
  markDigestDelivered,
  markDigestFailed,
  openDailyPosts,
  revealPrevious,
  submitExpiredExams,
  type DailyJob,
  type DailyPostView,
  type Engine,
} from '../study/index.js';
import { encodeCustomId } from './custom-id.js';
import { describeDiscordError } from './discord-error.js';
import { channelMessage } from './respond.js';
import { dailyPostMessage } from './views/daily.js';
import { digestMessage, digestTitle } from './views/digest.js';

/** Answer counts on a post are refreshed at most this often, whatever the burst of answers. */
const REFRESH_DEBOUNCE_MS = 2_000;

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
 * One scheduler for every guild: a croner tick asks the engine for the day's jobs (a new post, claimed
 * once per day by the store, or a retry of an undelivered one) and submits mock exams whose deadline
 * passed. A claimed post that Discord did not take is retried with back-off until delivered or the
 * day ends; a retry first looks in the channel, so a lost response never makes a second post.
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
    this.job = new Cron(this.tickPattern, { protect: true, catch: (e) => this.log.error({ err: e }, 'daily tick failed') }, () =>
      this.tick(),
    );
    // A restart may have cut short the refresh of "N answered": bring open posts up to date.
    for (const view of openDailyPosts(this.engine))
      this.edit(view).catch((e: unknown) =>
        this.log.warn({ postId: view.post.id, error: describeDiscordError(e) }, 'could not refresh an open daily post'),
      );
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
      const { jobs, problems } = dueDailyJobs(this.engine);
      for (const p of problems) this.log.warn({ guildId: p.guildId }, 'no daily question fits the chosen domain');
      for (const job of jobs) {
        if (this.stopped) return;
        await this.deliver(job);
      }
      for (const post of dueDigests(this.engine)) {
        if (this.stopped) return;
        await this.deliverDigest(post);
      }
    });
    return this.running;
  }

  /** /daily now: today's post at once; an undelivered one is sent again without waiting for its back-off. */
  async postNow(guildId: string): Promise<PostOutcome> {
    let outcome: PostOutcome = { ok: false, message: '' };
    this.running = this.running.then(async () => {
      const job = dailyNowJob(this.engine, guildId);
      if (job.ok) outcome = await this.deliver(job.job);
      else
        outcome = {
          ok: false,
          message: {
            off: 'The daily question is off here. Set it up with `/daily set`.',
            'already-posted': `Today's question (${job.day}) is already posted.`,
            'no-question': 'No question fits the chosen domain.',
          }[job.reason],
        };
    });
    await this.running;
    return outcome;
  }

  /** Sends a claimed post (revealing the previous one first) and records Discord's message id. */
  private async deliver(job: DailyJob): Promise<PostOutcome> {
    const view = dailyPostView(this.engine, job.post.id);
    if (!view) return { ok: false, message: 'The question of that post is no longer in the pool.' };
    try {
      const previous = revealPrevious(this.engine, job);
      if (previous?.post.messageId)
        await this.edit(previous).catch((e: unknown) =>
          this.log.warn({ postId: previous.post.id, error: describeDiscordError(e) }, 'could not close the previous daily post'),
        );
      const channel = await this.client.channels.fetch(job.post.channelId);
      if (!channel?.isSendable()) throw new Error('the daily channel is not a text channel the bot can post in');
      // An earlier try may have been posted with its answer lost, and Discord remembers a nonce for a few minutes only.
      const found = job.retry ? await this.findPosted(channel, job.post.id) : undefined;
      const message =
        found ??
        (await channel.send({
          ...channelMessage(dailyPostMessage(view, previous)),
          // Same nonce on a resend: within Discord's nonce window it returns the first message.
          nonce: `daily-${job.post.id}`,
          enforceNonce: true,
        }));
      dailyDelivered(this.engine, job, message.id);
      this.log.info(
        {
          guildId: job.guildId,
          day: job.post.day,
          postId: job.post.id,
          messageId: message.id,
          attempts: job.post.sendAttempts + 1,
          found: found !== undefined,
        },
        'daily question posted',
      );
      return { ok: true, message: `Posted today's question in <#${job.post.channelId}>.` };
    } catch (error) {
      const reason =
        error instanceof DiscordAPIError && typeof error.code === 'number' && FRIENDLY_ERRORS[error.code]
          ? FRIENDLY_ERRORS[error.code]!
          : shortReason(error);
      const retryAt = dailyNotDelivered(this.engine, job, reason);
      this.log.warn(
        { guildId: job.guildId, postId: job.post.id, reason, error: describeDiscordError(error), retryAt: retryAt.toISOString() },
        'daily question not delivered; will retry',
      );
      return { ok: false, message: `Could not post yet: ${reason}. The bot keeps trying.` };
    }
  }

  /** Sends a claimed weekly digest; a retry first looks for it in the channel, so it is posted once. */
  private async deliverDigest(post: Parameters<typeof digestOf>[1]): Promise<void> {
    try {
      const channel = await this.client.channels.fetch(post.channelId);
      if (!channel?.isSendable()) throw new Error('the daily channel is not a text channel the bot can post in');
      const title = digestTitle(post.week);
      let found: Message | undefined;
      if (post.lastError !== null) {
        const recent = await channel.messages.fetch({ limit: 50 }).catch(() => undefined);
        found = recent?.find((m) => m.author.id === this.client.user?.id && m.embeds[0]?.title === title);
      }
      const message =
        found ??
        (await channel.send({
          ...channelMessage(digestMessage(digestOf(this.engine, post))),
          nonce: `digest-${post.id}`,
          enforceNonce: true,
        }));
      markDigestDelivered(this.engine, post, message.id);
      this.log.info({ guildId: post.guildId, week: post.week, messageId: message.id }, 'weekly digest posted');
    } catch (error) {
      markDigestFailed(this.engine, post, shortReason(error));
      this.log.warn(
        { guildId: post.guildId, week: post.week, error: describeDiscordError(error) },
        'weekly digest not delivered; will retry',
      );
    }
  }

  /** The post's message if it is already in the channel (found by its answer buttons, which carry the post id). */
  private async findPosted(
    channel: { messages: { fetch(options: { limit: number }): Promise<Iterable<[string, Message]>> } },
    postId: number,
  ): Promise<Message | undefined> {
    const marker = encodeCustomId('da', postId, 'A');
    const prefix = marker.slice(0, marker.length - 1);
    try {
      for (const [, message] of await channel.messages.fetch({ limit: 50 })) {
        if (message.author.id !== this.client.user?.id) continue;
        const ids = message.components.flatMap((row) =>
          ('components' in row ? row.components : []).map((c) => ('customId' in c ? (c.customId ?? '') : '')),
        );
        if (ids.some((id) => id.startsWith(prefix))) return message;
      }
    } catch (error) {
      // Without Read Message History the check cannot be made: fall back to the nonce.
      this.log.debug({ postId, error: describeDiscordError(error) }, 'could not look for an earlier delivery');
    }
    return undefined;
  }

  private async edit(view: DailyPostView): Promise<void> {
    if (!view.post.messageId) return;
    const channel = await this.client.channels.fetch(view.post.channelId);
    if (!channel?.isTextBased()) return;
    const { content: _previousLine, ...payload } = channelMessage(dailyPostMessage(view));
    await channel.messages.edit(view.post.messageId, payload);
  }

  /** Updates "N answered" on a post soon; a burst of answers costs one edit. */
  refresh(postId: number): void {
    if (this.pendingRefresh.has(postId)) return;
    this.pendingRefresh.set(
      postId,
      setTimeout(() => {
        this.pendingRefresh.delete(postId);
        const view = dailyPostView(this.engine, postId);
        if (view)
          this.edit(view).catch((e: unknown) =>
            this.log.warn({ postId, error: describeDiscordError(e) }, 'could not update the answer count'),
          );
      }, REFRESH_DEBOUNCE_MS),
    );
  }
}

function shortReason(error: unknown): string {
  if (error instanceof DiscordAPIError) return `Discord answered ${error.status} (${error.message})`;
  if (error instanceof Error && 'status' in error) return `Discord answered ${String(error.status)}`;
  return error instanceof Error ? error.message : String(error);
}
