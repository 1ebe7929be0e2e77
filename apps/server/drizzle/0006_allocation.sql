CREATE TYPE "public"."allocation_pair_status" AS ENUM('proposed', 'locked', 'removed');--> statement-breakpoint
CREATE TYPE "public"."allocation_run_status" AS ENUM('proposed', 'superseded', 'published');--> statement-breakpoint
CREATE TABLE "allocation_exclusions" (
	"round_id" bigint NOT NULL,
	"urban_org_id" bigint NOT NULL,
	"rural_org_id" bigint NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "allocation_exclusions_round_id_urban_org_id_rural_org_id_pk" PRIMARY KEY("round_id","urban_org_id","rural_org_id")
);
--> statement-breakpoint
CREATE TABLE "allocation_pairs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "allocation_pairs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"run_id" bigint NOT NULL,
	"urban_org_id" bigint NOT NULL,
	"rural_org_id" bigint NOT NULL,
	"status" "allocation_pair_status" DEFAULT 'proposed' NOT NULL,
	"fixed" boolean DEFAULT false NOT NULL,
	"cost" integer NOT NULL,
	"reasons" jsonb NOT NULL,
	"swapped_from" bigint,
	"intention_id" bigint
);
--> statement-breakpoint
CREATE TABLE "allocation_preferences" (
	"round_id" bigint NOT NULL,
	"urban_org_id" bigint NOT NULL,
	"rural_org_id" bigint NOT NULL,
	CONSTRAINT "allocation_preferences_round_id_urban_org_id_rural_org_id_pk" PRIMARY KEY("round_id","urban_org_id","rural_org_id")
);
--> statement-breakpoint
CREATE TABLE "allocation_runs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "allocation_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"round_id" bigint NOT NULL,
	"source_run_id" bigint,
	"status" "allocation_run_status" DEFAULT 'proposed' NOT NULL,
	"settings" jsonb NOT NULL,
	"stats" jsonb NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone NOT NULL,
	"published_by" bigint,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "allocation_settings" (
	"round_id" bigint PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_by" bigint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "allocation_targets" (
	"run_id" bigint NOT NULL,
	"rural_org_id" bigint NOT NULL,
	"district_id" bigint,
	"demand" integer NOT NULL,
	"missing" integer NOT NULL,
	"reason" text,
	CONSTRAINT "allocation_targets_run_id_rural_org_id_pk" PRIMARY KEY("run_id","rural_org_id")
);
--> statement-breakpoint
ALTER TABLE "allocation_exclusions" ADD CONSTRAINT "allocation_exclusions_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_exclusions" ADD CONSTRAINT "allocation_exclusions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_pairs" ADD CONSTRAINT "allocation_pairs_run_id_allocation_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."allocation_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_pairs" ADD CONSTRAINT "allocation_pairs_urban_org_id_orgs_id_fk" FOREIGN KEY ("urban_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_pairs" ADD CONSTRAINT "allocation_pairs_rural_org_id_orgs_id_fk" FOREIGN KEY ("rural_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_preferences" ADD CONSTRAINT "allocation_preferences_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_preferences" ADD CONSTRAINT "allocation_preferences_urban_org_id_orgs_id_fk" FOREIGN KEY ("urban_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_preferences" ADD CONSTRAINT "allocation_preferences_rural_org_id_orgs_id_fk" FOREIGN KEY ("rural_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_runs" ADD CONSTRAINT "allocation_runs_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_runs" ADD CONSTRAINT "allocation_runs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_runs" ADD CONSTRAINT "allocation_runs_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_settings" ADD CONSTRAINT "allocation_settings_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_settings" ADD CONSTRAINT "allocation_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_targets" ADD CONSTRAINT "allocation_targets_run_id_allocation_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."allocation_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_targets" ADD CONSTRAINT "allocation_targets_rural_org_id_orgs_id_fk" FOREIGN KEY ("rural_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "allocation_pairs_run_idx" ON "allocation_pairs" USING btree ("run_id","rural_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "allocation_pairs_key" ON "allocation_pairs" USING btree ("run_id","urban_org_id","rural_org_id");--> statement-breakpoint
CREATE INDEX "allocation_runs_round_idx" ON "allocation_runs" USING btree ("round_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "allocation_runs_one_proposed" ON "allocation_runs" USING btree ("round_id") WHERE "allocation_runs"."status" = 'proposed';