ALTER TABLE "import_jobs" ADD COLUMN "upload" "bytea";--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "queue_job_id" uuid;