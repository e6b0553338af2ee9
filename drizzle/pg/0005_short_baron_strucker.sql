ALTER TABLE "exercises" ADD COLUMN "name" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Exercises made before names existed are named after their scenario title and the day they were created.
UPDATE "exercises" SET "name" = "title" || ' · ' || to_char("created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD') WHERE "name" = '';
