ALTER TABLE "events" DROP CONSTRAINT "events_key_uq";--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "sender" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_sender_key_uq" UNIQUE("exercise_id","sender","key");