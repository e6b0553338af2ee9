CREATE TABLE `events` (
	`exercise_id` text NOT NULL,
	`seq` integer NOT NULL,
	`key` text NOT NULL,
	`at` integer NOT NULL,
	`actor` text NOT NULL,
	`command` text NOT NULL,
	PRIMARY KEY(`exercise_id`, `seq`),
	FOREIGN KEY (`exercise_id`) REFERENCES `exercises`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `events_key_uq` ON `events` (`exercise_id`,`key`);--> statement-breakpoint
CREATE TABLE `exercises` (
	`id` text PRIMARY KEY NOT NULL,
	`scenario_id` text NOT NULL,
	`scenario_version` text NOT NULL,
	`scenario_source` text NOT NULL,
	`title` text NOT NULL,
	`org_name` text NOT NULL,
	`config` text NOT NULL,
	`join_code` text NOT NULL,
	`staff_code` text NOT NULL,
	`lifecycle` text DEFAULT 'lobby' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`ended_at` integer,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `exercises_join_code_unique` ON `exercises` (`join_code`);--> statement-breakpoint
CREATE UNIQUE INDEX `exercises_staff_code_unique` ON `exercises` (`staff_code`);--> statement-breakpoint
CREATE INDEX `exercises_lifecycle_idx` ON `exercises` (`lifecycle`);--> statement-breakpoint
CREATE INDEX `exercises_created_idx` ON `exercises` (`created_at`);--> statement-breakpoint
CREATE TABLE `feedback` (
	`id` text PRIMARY KEY NOT NULL,
	`exercise_id` text NOT NULL,
	`seat_id` text NOT NULL,
	`ratings` text NOT NULL,
	`comments` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`exercise_id`) REFERENCES `exercises`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`seat_id`) REFERENCES `seats`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `feedback_exercise_idx` ON `feedback` (`exercise_id`);--> statement-breakpoint
CREATE TABLE `improvement_actions` (
	`id` text PRIMARY KEY NOT NULL,
	`exercise_id` text NOT NULL,
	`org_name` text NOT NULL,
	`objective_id` text,
	`capability` text NOT NULL,
	`issue` text NOT NULL,
	`action` text NOT NULL,
	`element` text NOT NULL,
	`owner` text NOT NULL,
	`due_date` text,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`exercise_id`) REFERENCES `exercises`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `improvement_actions_exercise_idx` ON `improvement_actions` (`exercise_id`);--> statement-breakpoint
CREATE INDEX `improvement_actions_org_idx` ON `improvement_actions` (`org_name`,`status`);--> statement-breakpoint
CREATE TABLE `scheduled_events` (
	`exercise_id` text NOT NULL,
	`item_id` text NOT NULL,
	`kind` text NOT NULL,
	`due_scenario` integer NOT NULL,
	`due_wall` integer,
	PRIMARY KEY(`exercise_id`, `kind`, `item_id`),
	FOREIGN KEY (`exercise_id`) REFERENCES `exercises`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `seats` (
	`id` text PRIMARY KEY NOT NULL,
	`exercise_id` text NOT NULL,
	`role` text NOT NULL,
	`name` text NOT NULL,
	`team_id` text,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	FOREIGN KEY (`exercise_id`) REFERENCES `exercises`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `seats_token_hash_unique` ON `seats` (`token_hash`);--> statement-breakpoint
CREATE INDEX `seats_exercise_idx` ON `seats` (`exercise_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE INDEX `sessions_expires_idx` ON `sessions` (`expires_at`);--> statement-breakpoint
CREATE TABLE `snapshots` (
	`exercise_id` text NOT NULL,
	`seq` integer NOT NULL,
	`engine_version` text NOT NULL,
	`state` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`exercise_id`, `seq`),
	FOREIGN KEY (`exercise_id`) REFERENCES `exercises`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`password_hash` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);