CREATE TABLE `board_periods` (
	`guild_id` text NOT NULL,
	`period` text NOT NULL,
	`start` integer NOT NULL,
	`end` integer NOT NULL,
	PRIMARY KEY(`guild_id`, `period`)
);
--> statement-breakpoint
DROP TABLE `board_baselines`;--> statement-breakpoint
ALTER TABLE `member_totals` ADD `week_attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `member_totals` ADD `week_correct` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `member_totals` ADD `week_points` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `member_totals` ADD `month_attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `member_totals` ADD `month_correct` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `member_totals` ADD `month_points` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `member_totals` ADD `group_id` integer REFERENCES study_groups(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `member_totals` DROP COLUMN `week_start`;--> statement-breakpoint
ALTER TABLE `member_totals` DROP COLUMN `attempts_before_week`;--> statement-breakpoint
ALTER TABLE `member_totals` DROP COLUMN `correct_before_week`;--> statement-breakpoint
ALTER TABLE `member_totals` DROP COLUMN `month_start`;--> statement-breakpoint
ALTER TABLE `member_totals` DROP COLUMN `attempts_before_month`;--> statement-breakpoint
ALTER TABLE `member_totals` DROP COLUMN `correct_before_month`;--> statement-breakpoint
-- Hand-written: drizzle-kit drops ON DELETE from ADD COLUMN (fixed above), and cannot know that
-- group_id copies group_members. Members already in a group get their row and their group.
INSERT INTO `member_totals` (`guild_id`, `person_id`) SELECT `guild_id`, `person_id` FROM `group_members` WHERE true
  ON CONFLICT (`guild_id`, `person_id`) DO NOTHING;--> statement-breakpoint
UPDATE `member_totals` SET `group_id` = (
  SELECT gm.`group_id` FROM `group_members` gm
  WHERE gm.`guild_id` = `member_totals`.`guild_id` AND gm.`person_id` = `member_totals`.`person_id`);
