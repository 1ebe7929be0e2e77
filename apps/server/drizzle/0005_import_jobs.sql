CREATE TYPE "public"."import_kind" AS ENUM('units', 'weak_villages');--> statement-breakpoint
CREATE TYPE "public"."import_status" AS ENUM('running', 'failed', 'done');--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "import_jobs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" "import_kind" NOT NULL,
	"status" "import_status" DEFAULT 'running' NOT NULL,
	"actor_id" bigint NOT NULL,
	"file_name" text,
	"total" integer DEFAULT 0 NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"imported" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
