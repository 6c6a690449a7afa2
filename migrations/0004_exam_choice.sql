ALTER TABLE `guild_settings` ADD `exam` text;--> statement-breakpoint
ALTER TABLE `people` ADD `exam` text;