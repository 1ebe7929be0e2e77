CREATE TYPE "public"."job_outcome" AS ENUM('done', 'failed');--> statement-breakpoint
CREATE TABLE "background_jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"owner_id" bigint NOT NULL,
	"scope_path" text NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"outcome" "job_outcome",
	"result" jsonb,
	"message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "upload" "bytea";--> statement-breakpoint
ALTER TABLE "import_jobs" ADD COLUMN "queue_job_id" uuid;--> statement-breakpoint
CREATE INDEX "background_jobs_owner_idx" ON "background_jobs" USING btree ("owner_id","created_at");