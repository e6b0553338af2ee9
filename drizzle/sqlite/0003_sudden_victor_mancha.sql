CREATE TABLE `scenario_drafts` (
	`scenario_id` text PRIMARY KEY NOT NULL,
	`source` text NOT NULL,
	`revision` integer NOT NULL,
	`based_on` integer,
	`import_notes` text,
	`updated_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`scenario_id`) REFERENCES `scenarios`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `scenario_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`scenario_id` text NOT NULL,
	`number` integer NOT NULL,
	`source` text NOT NULL,
	`source_hash` text NOT NULL,
	`title` text NOT NULL,
	`label` text NOT NULL,
	`note` text NOT NULL,
	`published_by` text,
	`published_by_name` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`scenario_id`) REFERENCES `scenarios`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`published_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scenario_versions_number_uq` ON `scenario_versions` (`scenario_id`,`number`);--> statement-breakpoint
CREATE TABLE `scenarios` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`origin` text NOT NULL,
	`library_file` text,
	`owner_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `scenarios_owner_idx` ON `scenarios` (`owner_id`);--> statement-breakpoint
ALTER TABLE `exercises` ADD `scenario_version_id` text REFERENCES scenario_versions(id);