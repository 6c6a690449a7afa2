CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `daily_posts` ADD `send_attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `daily_posts` ADD `next_attempt_at` integer;--> statement-breakpoint
ALTER TABLE `daily_posts` ADD `last_error` text;