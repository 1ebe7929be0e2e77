-- A record as an event of the engine's ledger (compliance/engine-ledger.ts reads it): its id as
-- the engine names it (`r<id>`), its day as days since 1970-01-01, the type's index (visit,
-- activity, fund, report), then what the type needs: visit → department (0|1) and its roster
-- members as the engine names people (`p<id>`) joined by spaces; activity → the category's index in
-- the policy vocabulary (ACTIVITY_CATEGORIES, same order); fund → amount; report → period. Null
-- for progress, acceptance and activities of other categories: no rule reads them. Declared
-- immutable: integer and date output do not depend on settings.
CREATE FUNCTION ledger_engine_event(id bigint, type record_type, day date, department boolean,
    category text, amount bigint, period text, roster_ids bigint[])
  RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT 'r' || id || ',' || (day - date '1970-01-01') || CASE type
    WHEN 'visit' THEN ',0,' || department::int || ','
      || coalesce('p' || nullif(array_to_string(roster_ids, ' p'), ''), '')
    WHEN 'activity' THEN ',1,' || (array_position(
      '{joint_meeting,work_plan,party_lesson,culture_sports,volunteer_service,resident_visit,symposium,training}'::text[],
      category) - 1)
    WHEN 'fund' THEN ',2,' || coalesce(amount, 0)
    WHEN 'report' THEN ',3,' || coalesce(period, '')
  END
$$;--> statement-breakpoint
CREATE TABLE "compliance_runs" (
	"day" date PRIMARY KEY NOT NULL,
	"claimed_by" text NOT NULL,
	"claimed_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"pairings" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pairing_duties" (
	"pairing_id" bigint NOT NULL,
	"rule" text NOT NULL,
	"period" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"due" date NOT NULL,
	"person" text,
	"category" text,
	"required" bigint NOT NULL,
	"actual" bigint NOT NULL,
	"missed" boolean NOT NULL,
	CONSTRAINT "pairing_duties_pairing_id_rule_period_pk" PRIMARY KEY("pairing_id","rule","period")
);
--> statement-breakpoint
CREATE TABLE "pairing_status" (
	"pairing_id" bigint PRIMARY KEY NOT NULL,
	"status" json NOT NULL
);
--> statement-breakpoint
DROP TABLE "duty_reminders" CASCADE;--> statement-breakpoint
ALTER TABLE "pairing_rule_status" DROP CONSTRAINT "pairing_rule_status_pairing_id_agreements_id_fk";
--> statement-breakpoint
ALTER TABLE "ledger_records" ADD COLUMN "engine_event" text GENERATED ALWAYS AS (ledger_engine_event(id, type, date, department, category, amount, period, roster_ids)) STORED;--> statement-breakpoint
ALTER TABLE "pairing_compliance" ADD COLUMN "hash" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "pairing_status" ADD CONSTRAINT "pairing_status_pairing_id_pairing_compliance_pairing_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."pairing_compliance"("pairing_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pairing_duties_due_idx" ON "pairing_duties" USING btree ("due");--> statement-breakpoint
CREATE INDEX "ledger_records_engine_idx" ON "ledger_records" USING btree ("pairing_id","counts_from","engine_event") WHERE "ledger_records"."engine_event" is not null;--> statement-breakpoint
ALTER TABLE "pairing_compliance" DROP COLUMN "status";--> statement-breakpoint
-- Room in each page for a day's new row versions beside the old ones, so moving `at` is a HOT
-- update (schema.ts pairing_compliance).
ALTER TABLE "pairing_compliance" SET (fillfactor = 50);