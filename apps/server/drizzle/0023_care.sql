CREATE TYPE "public"."care_festival" AS ENUM('springFestival', 'julyFirst');--> statement-breakpoint
CREATE TYPE "public"."care_help_kind" AS ENUM('thought', 'material', 'employment');--> statement-breakpoint
CREATE TYPE "public"."care_kind" AS ENUM('member', 'retiredMember', 'unemployedMember', 'resident');--> statement-breakpoint
CREATE TYPE "public"."care_state" AS ENUM('open', 'closed');--> statement-breakpoint
CREATE TYPE "public"."difficulty_kind" AS ENUM('illness', 'disability', 'elderly', 'lowIncome', 'unemployment', 'disaster', 'familyHardship', 'other');--> statement-breakpoint
CREATE TABLE "care_cases" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "care_cases_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"person_id" bigint NOT NULL,
	"kind" "care_kind" NOT NULL,
	"difficulties" "difficulty_kind"[] NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"state" "care_state" DEFAULT 'open' NOT NULL,
	"opened_on" date NOT NULL,
	"closed_on" date,
	"close_reason" text DEFAULT '' NOT NULL,
	"carer_org_id" bigint,
	"carer_since" date,
	"created_by" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "care_help" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "care_help_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_id" bigint NOT NULL,
	"kind" "care_help_kind" NOT NULL,
	"date" date NOT NULL,
	"text" text NOT NULL,
	"amount" bigint,
	"given_by_org_id" bigint,
	"given_by_name" text DEFAULT '' NOT NULL,
	"festival" "care_festival",
	"festival_year" integer,
	"recorded_by" bigint NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "care_cases" ADD CONSTRAINT "care_cases_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_cases" ADD CONSTRAINT "care_cases_carer_org_id_orgs_id_fk" FOREIGN KEY ("carer_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_cases" ADD CONSTRAINT "care_cases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_help" ADD CONSTRAINT "care_help_case_id_care_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."care_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_help" ADD CONSTRAINT "care_help_given_by_org_id_orgs_id_fk" FOREIGN KEY ("given_by_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_help" ADD CONSTRAINT "care_help_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "care_cases_open_person_key" ON "care_cases" USING btree ("person_id") WHERE "care_cases"."state" = 'open';--> statement-breakpoint
CREATE INDEX "care_cases_person_idx" ON "care_cases" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "care_cases_carer_idx" ON "care_cases" USING btree ("carer_org_id") WHERE "care_cases"."carer_org_id" is not null;--> statement-breakpoint
CREATE INDEX "care_help_case_idx" ON "care_help" USING btree ("case_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "care_help_visit_key" ON "care_help" USING btree ("case_id","festival","festival_year") WHERE "care_help"."festival" is not null;