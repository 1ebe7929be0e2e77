CREATE TYPE "public"."entry_status" AS ENUM('met', 'due', 'due_soon', 'missed', 'late');--> statement-breakpoint
CREATE TYPE "public"."ledger_side" AS ENUM('urban', 'rural');--> statement-breakpoint
CREATE TYPE "public"."record_state" AS ENUM('pending', 'confirmed', 'disputed', 'upheld', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."record_type" AS ENUM('visit', 'activity', 'fund', 'progress', 'acceptance', 'report');--> statement-breakpoint
CREATE TYPE "public"."roster_role" AS ENUM('principal', 'team', 'lead', 'member');--> statement-breakpoint
CREATE TABLE "checkin_codes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "checkin_codes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"record_id" bigint NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "checkins" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "checkins_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"code_id" bigint NOT NULL,
	"record_id" bigint NOT NULL,
	"roster_id" bigint,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "duty_reminders" (
	"pairing_id" bigint NOT NULL,
	"rule" text NOT NULL,
	"period_key" text NOT NULL,
	"kind" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "duty_reminders_pairing_id_rule_period_key_kind_pk" PRIMARY KEY("pairing_id","rule","period_key","kind")
);
--> statement-breakpoint
CREATE TABLE "evidence_files" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "evidence_files_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"sha256" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"width" integer,
	"height" integer,
	"thumb_sha256" text,
	"taken_at" timestamp with time zone,
	"latitude" double precision,
	"longitude" double precision,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_uses" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fund_uses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"record_id" bigint NOT NULL,
	"date" date NOT NULL,
	"amount" bigint NOT NULL,
	"purpose" text NOT NULL,
	"entered_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_records" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ledger_records_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"pairing_id" bigint NOT NULL,
	"province_code" text NOT NULL,
	"type" "record_type" NOT NULL,
	"side" "ledger_side" NOT NULL,
	"date" date NOT NULL,
	"content" jsonb NOT NULL,
	"roster_ids" bigint[] DEFAULT '{}' NOT NULL,
	"department" boolean DEFAULT false NOT NULL,
	"category" text,
	"amount" bigint,
	"period" text,
	"state" "record_state" DEFAULT 'pending' NOT NULL,
	"counts_from" date,
	"photo_date_mismatch" boolean DEFAULT false NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	"entered_by" bigint NOT NULL,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" bigint,
	"objected_at" timestamp with time zone,
	"objected_by" bigint,
	"objection_reason" text,
	"settled_at" timestamp with time zone,
	"settled_by" bigint,
	"settlement_note" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pairing_compliance" (
	"pairing_id" bigint PRIMARY KEY NOT NULL,
	"at" date NOT NULL,
	"urban_path" text NOT NULL,
	"rural_path" text NOT NULL,
	"status" jsonb NOT NULL,
	"met" integer NOT NULL,
	"due" integer NOT NULL,
	"due_soon" integer NOT NULL,
	"missed" integer NOT NULL,
	"late" integer NOT NULL,
	"next_due" date,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pairing_profiles" (
	"pairing_id" bigint PRIMARY KEY NOT NULL,
	"responsible_department" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pairing_roster" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "pairing_roster_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"pairing_id" bigint NOT NULL,
	"name" text NOT NULL,
	"post" text NOT NULL,
	"role" "roster_role" NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pairing_rule_status" (
	"pairing_id" bigint NOT NULL,
	"rule" text NOT NULL,
	"status" "entry_status" NOT NULL,
	"periods" integer NOT NULL,
	CONSTRAINT "pairing_rule_status_pairing_id_rule_status_pk" PRIMARY KEY("pairing_id","rule","status")
);
--> statement-breakpoint
CREATE TABLE "record_evidence" (
	"record_id" bigint NOT NULL,
	"file_id" bigint NOT NULL,
	"position" integer NOT NULL,
	"original_name" text DEFAULT '' NOT NULL,
	"date_mismatch" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "record_evidence_record_id_file_id_pk" PRIMARY KEY("record_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "unit_profits" (
	"org_id" bigint NOT NULL,
	"year" integer NOT NULL,
	"profit" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unit_profits_org_id_year_pk" PRIMARY KEY("org_id","year")
);
--> statement-breakpoint
ALTER TABLE "checkin_codes" ADD CONSTRAINT "checkin_codes_record_id_ledger_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."ledger_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_codes" ADD CONSTRAINT "checkin_codes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkins" ADD CONSTRAINT "checkins_code_id_checkin_codes_id_fk" FOREIGN KEY ("code_id") REFERENCES "public"."checkin_codes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkins" ADD CONSTRAINT "checkins_record_id_ledger_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."ledger_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkins" ADD CONSTRAINT "checkins_roster_id_pairing_roster_id_fk" FOREIGN KEY ("roster_id") REFERENCES "public"."pairing_roster"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_reminders" ADD CONSTRAINT "duty_reminders_pairing_id_agreements_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_uses" ADD CONSTRAINT "fund_uses_record_id_ledger_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."ledger_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_uses" ADD CONSTRAINT "fund_uses_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_records" ADD CONSTRAINT "ledger_records_pairing_id_agreements_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_records" ADD CONSTRAINT "ledger_records_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_records" ADD CONSTRAINT "ledger_records_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_records" ADD CONSTRAINT "ledger_records_objected_by_users_id_fk" FOREIGN KEY ("objected_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_records" ADD CONSTRAINT "ledger_records_settled_by_users_id_fk" FOREIGN KEY ("settled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairing_compliance" ADD CONSTRAINT "pairing_compliance_pairing_id_agreements_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairing_profiles" ADD CONSTRAINT "pairing_profiles_pairing_id_agreements_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairing_roster" ADD CONSTRAINT "pairing_roster_pairing_id_agreements_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairing_roster" ADD CONSTRAINT "pairing_roster_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairing_rule_status" ADD CONSTRAINT "pairing_rule_status_pairing_id_agreements_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_evidence" ADD CONSTRAINT "record_evidence_record_id_ledger_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."ledger_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_evidence" ADD CONSTRAINT "record_evidence_file_id_evidence_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."evidence_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_profits" ADD CONSTRAINT "unit_profits_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "checkin_codes_token_key" ON "checkin_codes" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "checkins_roster_key" ON "checkins" USING btree ("record_id","roster_id") WHERE "checkins"."roster_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "checkins_name_key" ON "checkins" USING btree ("record_id","name") WHERE "checkins"."roster_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "evidence_files_sha_key" ON "evidence_files" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "fund_uses_record_idx" ON "fund_uses" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "ledger_records_pairing_idx" ON "ledger_records" USING btree ("pairing_id","date");--> statement-breakpoint
CREATE INDEX "ledger_records_open_idx" ON "ledger_records" USING btree ("pairing_id") WHERE "ledger_records"."state" in ('pending', 'disputed');--> statement-breakpoint
CREATE INDEX "pairing_compliance_rural_idx" ON "pairing_compliance" USING btree ("rural_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "pairing_compliance_urban_idx" ON "pairing_compliance" USING btree ("urban_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "pairing_roster_pairing_idx" ON "pairing_roster" USING btree ("pairing_id");--> statement-breakpoint
CREATE INDEX "pairing_rule_status_rule_idx" ON "pairing_rule_status" USING btree ("rule","status");--> statement-breakpoint
CREATE VIEW "public"."pairing_agreements" AS (select a.id, a.round_id, a.pack_id, a.urban_org_id, a.rural_org_id, a.province_code,
    a.term_start, a.term_end, a.signed_at,
    coalesce((select am.content from agreements am
      where am.amends_id = a.id and am.status = 'signed'
      order by am.signed_at desc, am.id desc limit 1), a.content) as content
  from agreements a where a.status = 'signed' and a.amends_id is null);