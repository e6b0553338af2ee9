DROP INDEX `events_key_uq`;--> statement-breakpoint
ALTER TABLE `events` ADD `sender` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `events_sender_key_uq` ON `events` (`exercise_id`,`sender`,`key`);