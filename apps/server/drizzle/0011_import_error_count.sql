ALTER TABLE "import_jobs" ADD COLUMN "error_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE "import_jobs" SET "error_count" = jsonb_array_length("errors");
