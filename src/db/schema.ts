import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

// Instants are stored as integer milliseconds (mode 'timestamp_ms' maps them to Date); local calendar
// days are stored as "YYYY-MM-DD" text because they only mean something together with a time zone.

export const people = sqliteTable('people', {
  /** Discord user id, or "local" for the terminal. */
  id: text('id').primaryKey(),
  /** The person's own IANA zone; null means "use the guild's". */
  timeZone: text('time_zone'),
  /** The exam the person studies for (a code in knowledge/exams); null means "the server's". */
  exam: text('exam'),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});

export const guildSettings = sqliteTable('guild_settings', {
  guildId: text('guild_id').primaryKey(),
  dailyChannelId: text('daily_channel_id'),
  /** Local "HH:MM" in timeZone. */
  dailyTime: text('daily_time').notNull().default('09:00'),
  timeZone: text('time_zone').notNull().default('UTC'),
  /** The exam this server studies for; null means the configured default (DEFAULT_EXAM). */
  exam: text('exam'),
  /** Restricts the daily question to one domain of the server's exam; null = all domains. */
  domain: text('domain'),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(false),
  /** Weekday of the weekly digest, 0 = Monday ... 6 = Sunday; null = no digest (the default). */
  digestDay: integer('digest_day'),
  /** Local day of the last daily post, so a restart never posts twice. */
  lastPostedDay: text('last_posted_day'),
  lastError: text('last_error'),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

export const attempts = sqliteTable(
  'attempts',
  {
    // Plain INTEGER PRIMARY KEY, not AUTOINCREMENT: attempts are never deleted, so ids are never reused
    // anyway, and AUTOINCREMENT would rewrite sqlite_sequence on every answer (one more page per commit).
    id: integer('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    /** null = answered in the terminal, outside any guild. */
    guildId: text('guild_id'),
    questionId: text('question_id').notNull(),
    sectionId: text('section_id').notNull(),
    domain: text('domain').notNull(),
    /** Chosen letters, sorted: "A" or "AC". */
    chosen: text('chosen').notNull(),
    correct: integer('correct', { mode: 'boolean' }).notNull(),
    source: text('source', { enum: ['quiz', 'exam', 'daily'] }).notNull(),
    /** Session id, or the daily post id. */
    sourceRef: text('source_ref').notNull(),
    step: integer('step').notNull(),
    durationMs: integer('duration_ms'),
    answeredAt: integer('answered_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    // The idempotency key: a redelivered interaction (double click, retry after a restart) maps to the
    // same (person, source, ref, step). Source and ref lead so the same index finds a daily post's
    // answers; one index fewer to update per answer.
    uniqueIndex('attempts_delivery_key').on(t.source, t.sourceRef, t.personId, t.step),
    // Covering: counting a guild's week or month per member (board-periods.ts) reads only the index.
    index('attempts_board_idx').on(t.guildId, t.answeredAt, t.personId, t.correct),
    // A person's history in time order (stats, mastery).
    index('attempts_person_time_idx').on(t.personId, t.answeredAt),
    // Covers "last seen per question" and "latest answer was wrong" without touching the table.
    index('attempts_person_question_idx').on(t.personId, t.questionId, t.answeredAt, t.correct),
  ],
);

export const cards = sqliteTable(
  'cards',
  {
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    questionId: text('question_id').notNull(),
    // The ts-fsrs Card fields, one column each.
    due: integer('due', { mode: 'timestamp_ms' }).notNull(),
    stability: real('stability').notNull(),
    difficulty: real('difficulty').notNull(),
    elapsedDays: integer('elapsed_days').notNull(),
    scheduledDays: integer('scheduled_days').notNull(),
    learningSteps: integer('learning_steps').notNull(),
    reps: integer('reps').notNull(),
    lapses: integer('lapses').notNull(),
    state: integer('state').notNull(),
    lastReview: integer('last_review', { mode: 'timestamp_ms' }),
  },
  // No (person, due) index: a person has at most a few hundred cards, which the primary key already
  // groups together, and every answer would pay to move the card in a second index.
  (t) => [primaryKey({ columns: [t.personId, t.questionId] })],
);

export const streaks = sqliteTable('streaks', {
  personId: text('person_id')
    .primaryKey()
    .references(() => people.id),
  current: integer('current').notNull(),
  best: integer('best').notNull(),
  /** "YYYY-MM-DD" in the zone that was in force when it was written. */
  lastDay: text('last_day').notNull(),
});

export const memberTotals = sqliteTable(
  'member_totals',
  {
    guildId: text('guild_id').notNull(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    attempts: integer('attempts').notNull().default(0),
    correct: integer('correct').notNull().default(0),
    points: integer('points').notNull().default(0),
    // The same figures for the guild's current week and month (the periods in board_periods), kept by
    // each answer in the same row write, so a period board reads one row per member instead of
    // summing every answer of the period. See board-periods.ts.
    weekAttempts: integer('week_attempts').notNull().default(0),
    weekCorrect: integer('week_correct').notNull().default(0),
    weekPoints: integer('week_points').notNull().default(0),
    monthAttempts: integer('month_attempts').notNull().default(0),
    monthCorrect: integer('month_correct').notNull().default(0),
    monthPoints: integer('month_points').notNull().default(0),
    /**
     * The member's study group in this guild, copied from group_members by groups.ts, so the groups
     * board is one GROUP BY over this table rather than a join per member. group_members stays the
     * record of who is in which group (with its one-group-per-guild rule).
     */
    groupId: integer('group_id').references(() => studyGroups.id, { onDelete: 'set null' }),
  },
  (t) => [primaryKey({ columns: [t.guildId, t.personId] })],
);

/** Which [start, end) the week_* and month_* columns of a guild's member_totals rows cover. */
export const boardPeriods = sqliteTable(
  'board_periods',
  {
    guildId: text('guild_id').notNull(),
    period: text('period', { enum: ['week', 'month'] }).notNull(),
    start: integer('start', { mode: 'timestamp_ms' }).notNull(),
    end: integer('end', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.guildId, t.period] })],
);

export const dailyPosts = sqliteTable(
  'daily_posts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guildId: text('guild_id').notNull(),
    /** Local day in the guild's zone. */
    day: text('day').notNull(),
    questionId: text('question_id').notNull(),
    channelId: text('channel_id').notNull(),
    /** Filled in once Discord has accepted the message. */
    messageId: text('message_id'),
    /** When the post was claimed (the day's post exists from then on, delivered or not). */
    postedAt: integer('posted_at', { mode: 'timestamp_ms' }).notNull(),
    revealedAt: integer('revealed_at', { mode: 'timestamp_ms' }),
    /** Failed deliveries so far; the next try waits longer each time (see daily-retry.ts). */
    sendAttempts: integer('send_attempts').notNull().default(0),
    /** Not before this instant is an undelivered post tried again. */
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }),
    /** Why the last delivery failed, in words for /daily status. */
    lastError: text('last_error'),
  },
  (t) => [uniqueIndex('daily_posts_guild_day').on(t.guildId, t.day)],
);

export const studyGroups = sqliteTable(
  'study_groups',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guildId: text('guild_id').notNull(),
    name: text('name').notNull(),
    /** Lowercased, trimmed name: "Night Owls" and " night owls" are the same group. */
    nameKey: text('name_key').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('study_groups_guild_name').on(t.guildId, t.nameKey)],
);

export const groupMembers = sqliteTable(
  'group_members',
  {
    groupId: integer('group_id')
      .notNull()
      .references(() => studyGroups.id, { onDelete: 'cascade' }),
    guildId: text('guild_id').notNull(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    joinedAt: integer('joined_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    // One group per person per guild.
    uniqueIndex('group_members_guild_person').on(t.guildId, t.personId),
    index('group_members_group_idx').on(t.groupId),
  ],
);

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    guildId: text('guild_id'),
    kind: text('kind', { enum: ['quiz', 'exam'] }).notNull(),
    /** JSON string[]. */
    questionIds: text('question_ids').notNull(),
    /** JSON (string | null)[]: chosen letters per position. */
    answers: text('answers').notNull(),
    position: integer('position').notNull().default(0),
    /** JSON: domain / section / mode / count. */
    options: text('options')
      .notNull()
      .default(sql`'{}'`),
    startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
    deadline: integer('deadline', { mode: 'timestamp_ms' }),
    finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
    /** JSON, owned by the quiz / exam code. */
    result: text('result'),
  },
  (t) => [
    index('sessions_person_started_idx').on(t.personId, t.startedAt),
    // The scheduler looks for open exams past their deadline every tick; only open exams are indexed.
    index('sessions_open_deadline_idx')
      .on(t.deadline)
      .where(sql`${t.finishedAt} IS NULL AND ${t.kind} = 'exam'`),
  ],
);

/** Small facts about the store itself, such as the last write probe (health.ts). */
export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** One weekly digest per guild and week: claimed before it is sent, like the daily post. */
export const digestPosts = sqliteTable(
  'digest_posts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    guildId: text('guild_id').notNull(),
    /** The local Monday ("YYYY-MM-DD") of the week the digest is for. */
    week: text('week').notNull(),
    channelId: text('channel_id').notNull(),
    messageId: text('message_id'),
    postedAt: integer('posted_at', { mode: 'timestamp_ms' }).notNull(),
    lastError: text('last_error'),
  },
  (t) => [uniqueIndex('digest_posts_guild_week').on(t.guildId, t.week)],
);
