ALTER TYPE "public"."role" ADD VALUE 'system_admin';--> statement-breakpoint
ALTER TYPE "public"."role" ADD VALUE 'security_admin';--> statement-breakpoint
ALTER TYPE "public"."role" ADD VALUE 'audit_admin';--> statement-breakpoint
CREATE TABLE "security_policy" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"min_password_length" integer NOT NULL,
	"max_failed_attempts" integer NOT NULL,
	"first_pause_minutes" integer NOT NULL,
	"max_pause_hours" integer NOT NULL,
	"max_sessions" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" bigint,
	CONSTRAINT "security_policy_one_row" CHECK ("security_policy"."id" = 1),
	CONSTRAINT "security_policy_min_length" CHECK ("security_policy"."min_password_length" between 10 and 64),
	CONSTRAINT "security_policy_failures" CHECK ("security_policy"."max_failed_attempts" between 3 and 10),
	CONSTRAINT "security_policy_first_pause" CHECK ("security_policy"."first_pause_minutes" between 1 and 1440),
	CONSTRAINT "security_policy_max_pause" CHECK ("security_policy"."max_pause_hours" between 1 and 720),
	CONSTRAINT "security_policy_sessions" CHECK ("security_policy"."max_sessions" between 1 and 50)
);
