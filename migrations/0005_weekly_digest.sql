CREATE TABLE `digest_posts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guild_id` text NOT NULL,
	`week` text NOT NULL,
	`channel_id` text NOT NULL,
	`message_id` text,
	`posted_at` integer NOT NULL,
	`last_error` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `digest_posts_guild_week` ON `digest_posts` (`guild_id`,`week`);--> statement-breakpoint
ALTER TABLE `guild_settings` ADD `digest_day` integer;