CREATE TABLE "events" (
	"exercise_id" text NOT NULL,
	"seq" integer NOT NULL,
	"key" text NOT NULL,
	"at" bigint NOT NULL,
	"actor" jsonb NOT NULL,
	"command" jsonb NOT NULL,
	CONSTRAINT "events_exercise_id_seq_pk" PRIMARY KEY("exercise_id","seq"),
	CONSTRAINT "events_key_uq" UNIQUE("exercise_id","key")
);
--> statement-breakpoint
CREATE TABLE "exercises" (
	"id" text PRIMARY KEY NOT NULL,
	"scenario_id" text NOT NULL,
	"scenario_version" text NOT NULL,
	"scenario_source" text NOT NULL,
	"title" text NOT NULL,
	"org_name" text NOT NULL,
	"config" jsonb NOT NULL,
	"join_code" text NOT NULL,
	"staff_code" text NOT NULL,
	"lifecycle" text DEFAULT 'lobby' NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	CONSTRAINT "exercises_join_code_unique" UNIQUE("join_code"),
	CONSTRAINT "exercises_staff_code_unique" UNIQUE("staff_code")
);
--> statement-breakpoint
CREATE TABLE "feedback" (
	"id" text PRIMARY KEY NOT NULL,
	"exercise_id" text NOT NULL,
	"seat_id" text NOT NULL,
	"ratings" jsonb NOT NULL,
	"comments" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "improvement_actions" (
	"id" text PRIMARY KEY NOT NULL,
	"exercise_id" text NOT NULL,
	"org_name" text NOT NULL,
	"objective_id" text,
	"capability" text NOT NULL,
	"issue" text NOT NULL,
	"action" text NOT NULL,
	"element" text NOT NULL,
	"owner" text NOT NULL,
	"due_date" text,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scheduled_events" (
	"exercise_id" text NOT NULL,
	"item_id" text NOT NULL,
	"kind" text NOT NULL,
	"due_scenario" bigint NOT NULL,
	"due_wall" bigint,
	CONSTRAINT "scheduled_events_exercise_id_kind_item_id_pk" PRIMARY KEY("exercise_id","kind","item_id")
);
--> statement-breakpoint
CREATE TABLE "seats" (
	"id" text PRIMARY KEY NOT NULL,
	"exercise_id" text NOT NULL,
	"role" text NOT NULL,
	"name" text NOT NULL,
	"team_id" text,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "seats_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "snapshots" (
	"exercise_id" text NOT NULL,
	"seq" integer NOT NULL,
	"engine_version" text NOT NULL,
	"state" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "snapshots_exercise_id_seq_pk" PRIMARY KEY("exercise_id","seq")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_exercise_id_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exercises" ADD CONSTRAINT "exercises_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_exercise_id_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_seat_id_seats_id_fk" FOREIGN KEY ("seat_id") REFERENCES "public"."seats"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_actions" ADD CONSTRAINT "improvement_actions_exercise_id_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduled_events" ADD CONSTRAINT "scheduled_events_exercise_id_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seats" ADD CONSTRAINT "seats_exercise_id_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshots" ADD CONSTRAINT "snapshots_exercise_id_exercises_id_fk" FOREIGN KEY ("exercise_id") REFERENCES "public"."exercises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exercises_lifecycle_idx" ON "exercises" USING btree ("lifecycle");--> statement-breakpoint
CREATE INDEX "exercises_created_idx" ON "exercises" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "feedback_exercise_idx" ON "feedback" USING btree ("exercise_id");--> statement-breakpoint
CREATE INDEX "improvement_actions_exercise_idx" ON "improvement_actions" USING btree ("exercise_id");--> statement-breakpoint
CREATE INDEX "improvement_actions_org_idx" ON "improvement_actions" USING btree ("org_name","status");--> statement-breakpoint
CREATE INDEX "seats_exercise_idx" ON "seats" USING btree ("exercise_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires_idx" ON "sessions" USING btree ("expires_at");