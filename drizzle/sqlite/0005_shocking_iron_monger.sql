ALTER TABLE `exercises` ADD `name` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Exercises made before names existed are named after their scenario title and the day they were created.
UPDATE `exercises` SET `name` = `title` || ' · ' || strftime('%Y-%m-%d', `created_at` / 1000, 'unixepoch') WHERE `name` = '';
