CREATE TABLE `attempts` (
	`id` integer PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`guild_id` text,
	`question_id` text NOT NULL,
	`section_id` text NOT NULL,
	`domain` text NOT NULL,
	`chosen` text NOT NULL,
	`correct` integer NOT NULL,
	`source` text NOT NULL,
	`source_ref` text NOT NULL,
	`step` integer NOT NULL,
	`duration_ms` integer,
	`answered_at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attempts_delivery_key` ON `attempts` (`source`,`source_ref`,`person_id`,`step`);--> statement-breakpoint
CREATE INDEX `attempts_board_idx` ON `attempts` (`guild_id`,`answered_at`,`person_id`,`correct`);--> statement-breakpoint
CREATE INDEX `attempts_person_time_idx` ON `attempts` (`person_id`,`answered_at`);--> statement-breakpoint
CREATE INDEX `attempts_person_question_idx` ON `attempts` (`person_id`,`question_id`,`answered_at`,`correct`);--> statement-breakpoint
CREATE TABLE `board_baselines` (
	`guild_id` text NOT NULL,
	`period` text NOT NULL,
	`start` integer NOT NULL,
	PRIMARY KEY(`guild_id`, `period`)
);
--> statement-breakpoint
CREATE TABLE `cards` (
	`person_id` text NOT NULL,
	`question_id` text NOT NULL,
	`due` integer NOT NULL,
	`stability` real NOT NULL,
	`difficulty` real NOT NULL,
	`elapsed_days` integer NOT NULL,
	`scheduled_days` integer NOT NULL,
	`learning_steps` integer NOT NULL,
	`reps` integer NOT NULL,
	`lapses` integer NOT NULL,
	`state` integer NOT NULL,
	`last_review` integer,
	PRIMARY KEY(`person_id`, `question_id`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `daily_posts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`day` text NOT NULL,
	`question_id` text NOT NULL,
	`channel_id` text NOT NULL,
	`message_id` text,
	`posted_at` integer NOT NULL,
	`revealed_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `daily_posts_guild_day` ON `daily_posts` (`guild_id`,`day`);--> statement-breakpoint
CREATE TABLE `group_members` (
	`group_id` integer NOT NULL,
	`guild_id` text NOT NULL,
	`person_id` text NOT NULL,
	`joined_at` integer NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `study_groups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `group_members_guild_person` ON `group_members` (`guild_id`,`person_id`);--> statement-breakpoint
CREATE INDEX `group_members_group_idx` ON `group_members` (`group_id`);--> statement-breakpoint
CREATE TABLE `guild_settings` (
	`guild_id` text PRIMARY KEY NOT NULL,
	`daily_channel_id` text,
	`daily_time` text DEFAULT '09:00' NOT NULL,
	`time_zone` text DEFAULT 'UTC' NOT NULL,
	`domain` text,
	`enabled` integer DEFAULT false NOT NULL,
	`last_posted_day` text,
	`last_error` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `member_totals` (
	`guild_id` text NOT NULL,
	`person_id` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`correct` integer DEFAULT 0 NOT NULL,
	`points` integer DEFAULT 0 NOT NULL,
	`week_start` integer,
	`attempts_before_week` integer DEFAULT 0 NOT NULL,
	`correct_before_week` integer DEFAULT 0 NOT NULL,
	`month_start` integer,
	`attempts_before_month` integer DEFAULT 0 NOT NULL,
	`correct_before_month` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`guild_id`, `person_id`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `people` (
	`id` text PRIMARY KEY NOT NULL,
	`time_zone` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`guild_id` text,
	`kind` text NOT NULL,
	`question_ids` text NOT NULL,
	`answers` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`options` text DEFAULT '{}' NOT NULL,
	`started_at` integer NOT NULL,
	`deadline` integer,
	`finished_at` integer,
	`result` text,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_person_started_idx` ON `sessions` (`person_id`,`started_at`);--> statement-breakpoint
CREATE TABLE `streaks` (
	`person_id` text PRIMARY KEY NOT NULL,
	`current` integer NOT NULL,
	`best` integer NOT NULL,
	`last_day` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `study_groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `study_groups_guild_name` ON `study_groups` (`guild_id`,`name_key`);