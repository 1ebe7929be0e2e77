CREATE TYPE "public"."round_state" AS ENUM('draft', 'intentions_open', 'balancing', 'signing', 'in_force', 'closed');--> statement-breakpoint
CREATE TYPE "public"."intention_source" AS ENUM('selection', 'renewal');--> statement-breakpoint
CREATE TYPE "public"."intention_state" AS ENUM('pending', 'accepted', 'declined', 'withdrawn');--> statement-breakpoint
CREATE TABLE "round_needs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "round_needs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"round_id" bigint NOT NULL,
	"org_id" bigint NOT NULL,
	"category" text NOT NULL,
	"note" text,
	"amount" bigint
);
--> statement-breakpoint
CREATE TABLE "round_quotas" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "round_quotas_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"round_id" bigint NOT NULL,
	"org_id" bigint NOT NULL,
	"towns" integer NOT NULL,
	"villages" integer NOT NULL,
	"weak_villages" integer NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "round_resources" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "round_resources_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"round_id" bigint NOT NULL,
	"org_id" bigint NOT NULL,
	"category" text NOT NULL,
	"note" text,
	"amount" bigint
);
--> statement-breakpoint
CREATE TABLE "rounds" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "rounds_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" bigint NOT NULL,
	"scope_path" text NOT NULL,
	"name" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"policy_pack" text NOT NULL,
	"intention_deadline" date NOT NULL,
	"signing_deadline" date NOT NULL,
	"term_end" date NOT NULL,
	"village_cap" integer NOT NULL,
	"previous_round_id" bigint,
	"state" "round_state" DEFAULT 'draft' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"user_id" bigint NOT NULL,
	"key" text NOT NULL,
	"fingerprint" text NOT NULL,
	"status" integer NOT NULL,
	"body" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_user_id_key_pk" PRIMARY KEY("user_id","key")
);
--> statement-breakpoint
CREATE TABLE "intentions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "intentions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"round_id" bigint NOT NULL,
	"urban_org_id" bigint NOT NULL,
	"rural_org_id" bigint NOT NULL,
	"state" "intention_state" DEFAULT 'pending' NOT NULL,
	"source" "intention_source" DEFAULT 'selection' NOT NULL,
	"province_code" text NOT NULL,
	"submitted_by" bigint,
	"submitted_at" timestamp with time zone NOT NULL,
	"decided_by" bigint,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "renewals" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "renewals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"round_id" bigint NOT NULL,
	"previous_intention_id" bigint NOT NULL,
	"urban_org_id" bigint NOT NULL,
	"rural_org_id" bigint NOT NULL,
	"urban_confirmed_by" bigint,
	"urban_confirmed_at" timestamp with time zone,
	"rural_confirmed_by" bigint,
	"rural_confirmed_at" timestamp with time zone,
	"declined_by" bigint,
	"declined_at" timestamp with time zone,
	"intention_id" bigint
);
--> statement-breakpoint
CREATE TABLE "round_slots" (
	"round_id" bigint NOT NULL,
	"rural_org_id" bigint NOT NULL,
	"taken" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "round_slots_round_id_rural_org_id_pk" PRIMARY KEY("round_id","rural_org_id")
);
--> statement-breakpoint
CREATE TABLE "round_unit_loads" (
	"round_id" bigint NOT NULL,
	"urban_org_id" bigint NOT NULL,
	"taken" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "round_unit_loads_round_id_urban_org_id_pk" PRIMARY KEY("round_id","urban_org_id")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "reminders_sent" (
	"key" text NOT NULL,
	"org_id" bigint NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reminders_sent_key_org_id_pk" PRIMARY KEY("key","org_id")
);
--> statement-breakpoint
ALTER TABLE "round_needs" ADD CONSTRAINT "round_needs_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_needs" ADD CONSTRAINT "round_needs_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_quotas" ADD CONSTRAINT "round_quotas_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_quotas" ADD CONSTRAINT "round_quotas_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_resources" ADD CONSTRAINT "round_resources_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "round_resources" ADD CONSTRAINT "round_resources_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rounds" ADD CONSTRAINT "rounds_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intentions" ADD CONSTRAINT "intentions_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intentions" ADD CONSTRAINT "intentions_urban_org_id_orgs_id_fk" FOREIGN KEY ("urban_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intentions" ADD CONSTRAINT "intentions_rural_org_id_orgs_id_fk" FOREIGN KEY ("rural_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intentions" ADD CONSTRAINT "intentions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intentions" ADD CONSTRAINT "intentions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewals" ADD CONSTRAINT "renewals_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewals" ADD CONSTRAINT "renewals_previous_intention_id_intentions_id_fk" FOREIGN KEY ("previous_intention_id") REFERENCES "public"."intentions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewals" ADD CONSTRAINT "renewals_intention_id_intentions_id_fk" FOREIGN KEY ("intention_id") REFERENCES "public"."intentions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "round_needs_org_idx" ON "round_needs" USING btree ("round_id","org_id");--> statement-breakpoint
CREATE INDEX "round_needs_cat_idx" ON "round_needs" USING btree ("round_id","category");--> statement-breakpoint
CREATE UNIQUE INDEX "round_quotas_key" ON "round_quotas" USING btree ("round_id","org_id");--> statement-breakpoint
CREATE INDEX "round_resources_org_idx" ON "round_resources" USING btree ("round_id","org_id");--> statement-breakpoint
CREATE INDEX "rounds_scope_idx" ON "rounds" USING btree ("scope_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "intentions_live_key" ON "intentions" USING btree ("round_id","urban_org_id","rural_org_id") WHERE "intentions"."state" in ('pending', 'accepted');--> statement-breakpoint
CREATE INDEX "intentions_rural_idx" ON "intentions" USING btree ("round_id","rural_org_id");--> statement-breakpoint
CREATE INDEX "intentions_urban_idx" ON "intentions" USING btree ("round_id","urban_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "renewals_key" ON "renewals" USING btree ("round_id","previous_intention_id");--> statement-breakpoint
CREATE INDEX "notifications_org_idx" ON "notifications" USING btree ("org_id","created_at");