CREATE TYPE "public"."help_kind" AS ENUM('policy', 'technology', 'market', 'funds', 'sales');--> statement-breakpoint
CREATE TYPE "public"."help_pair_state" AS ENUM('proposed', 'assigned', 'concluded', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."help_recorder_side" AS ENUM('cadre', 'urban', 'rural');--> statement-breakpoint
CREATE TABLE "help_pairs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "help_pairs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"pairing_id" bigint NOT NULL,
	"province_code" text NOT NULL,
	"state" "help_pair_state" DEFAULT 'proposed' NOT NULL,
	"member_id" bigint NOT NULL,
	"resident_id" bigint NOT NULL,
	"cadre_id" bigint,
	"note" text DEFAULT '' NOT NULL,
	"plan" jsonb,
	"income_before" integer,
	"income_after" integer,
	"out_of_difficulty" boolean,
	"concluded_on" date,
	"summary" text,
	"withdraw_reason" text,
	"proposed_by" bigint NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"assigned_by" bigint,
	"assigned_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "help_record_photos" (
	"record_id" bigint NOT NULL,
	"file_id" bigint NOT NULL,
	"position" integer NOT NULL,
	"original_name" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "help_record_photos_record_id_file_id_pk" PRIMARY KEY("record_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "help_records" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "help_records_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"help_pair_id" bigint NOT NULL,
	"province_code" text NOT NULL,
	"kind" "help_kind" NOT NULL,
	"date" date NOT NULL,
	"text" text NOT NULL,
	"amount" integer,
	"cadre_id" bigint NOT NULL,
	"recorded_as" "help_recorder_side" NOT NULL,
	"recorded_by" bigint NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "help_pairs" ADD CONSTRAINT "help_pairs_pairing_id_agreements_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_pairs" ADD CONSTRAINT "help_pairs_member_id_persons_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_pairs" ADD CONSTRAINT "help_pairs_resident_id_persons_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_pairs" ADD CONSTRAINT "help_pairs_cadre_id_persons_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_pairs" ADD CONSTRAINT "help_pairs_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_pairs" ADD CONSTRAINT "help_pairs_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_record_photos" ADD CONSTRAINT "help_record_photos_record_id_help_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."help_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_record_photos" ADD CONSTRAINT "help_record_photos_file_id_evidence_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."evidence_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_records" ADD CONSTRAINT "help_records_help_pair_id_help_pairs_id_fk" FOREIGN KEY ("help_pair_id") REFERENCES "public"."help_pairs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_records" ADD CONSTRAINT "help_records_cadre_id_persons_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_records" ADD CONSTRAINT "help_records_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "help_pairs_pairing_idx" ON "help_pairs" USING btree ("pairing_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "help_pairs_live_cadre_key" ON "help_pairs" USING btree ("pairing_id","cadre_id") WHERE "help_pairs"."state" in ('proposed', 'assigned');--> statement-breakpoint
CREATE UNIQUE INDEX "help_pairs_live_member_key" ON "help_pairs" USING btree ("pairing_id","member_id") WHERE "help_pairs"."state" in ('proposed', 'assigned');--> statement-breakpoint
CREATE UNIQUE INDEX "help_pairs_live_resident_key" ON "help_pairs" USING btree ("pairing_id","resident_id") WHERE "help_pairs"."state" in ('proposed', 'assigned');--> statement-breakpoint
CREATE INDEX "help_pairs_cadre_idx" ON "help_pairs" USING btree ("cadre_id") WHERE "help_pairs"."cadre_id" is not null;--> statement-breakpoint
CREATE INDEX "help_pairs_member_idx" ON "help_pairs" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "help_pairs_resident_idx" ON "help_pairs" USING btree ("resident_id");--> statement-breakpoint
CREATE INDEX "help_record_photos_file_idx" ON "help_record_photos" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "help_records_pair_idx" ON "help_records" USING btree ("help_pair_id","date");--> statement-breakpoint
CREATE INDEX "help_records_cadre_idx" ON "help_records" USING btree ("cadre_id","date");