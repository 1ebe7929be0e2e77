CREATE TYPE "public"."mobile_duty" AS ENUM('reportH1', 'reportH2', 'goodDeed', 'letter', 'symposium');--> statement-breakpoint
CREATE TYPE "public"."mobile_reason" AS ENUM('work', 'business', 'study', 'other');--> statement-breakpoint
CREATE TYPE "public"."mobile_side" AS ENUM('inflow', 'outflow');--> statement-breakpoint
CREATE TYPE "public"."mobile_state" AS ENUM('registered', 'sent', 'queried', 'received', 'returned');--> statement-breakpoint
CREATE TABLE "mobile_duty_records" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "mobile_duty_records_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"member_id" bigint NOT NULL,
	"year" integer NOT NULL,
	"duty" "mobile_duty" NOT NULL,
	"date" date NOT NULL,
	"content" text DEFAULT '' NOT NULL,
	"recorded_by" bigint NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mobile_members" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "mobile_members_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"person_id" bigint NOT NULL,
	"outflow_org_id" bigint NOT NULL,
	"inflow_org_id" bigint,
	"province_code" text NOT NULL,
	"certificate_number" text NOT NULL,
	"reason" "mobile_reason" NOT NULL,
	"destination" text DEFAULT '' NOT NULL,
	"state" "mobile_state" DEFAULT 'registered' NOT NULL,
	"leave_date" date,
	"trained_on" date,
	"agreement_signed_on" date,
	"sent_at" timestamp with time zone,
	"received_at" timestamp with time zone,
	"received_by" bigint,
	"returned_on" date,
	"note" text DEFAULT '' NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mobile_queries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "mobile_queries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"member_id" bigint NOT NULL,
	"from_side" "mobile_side" NOT NULL,
	"question" text NOT NULL,
	"asked_by" bigint NOT NULL,
	"asked_at" timestamp with time zone NOT NULL,
	"deadline" date NOT NULL,
	"answer" text,
	"answered_by" bigint,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "mobile_duty_records" ADD CONSTRAINT "mobile_duty_records_member_id_mobile_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."mobile_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mobile_duty_records" ADD CONSTRAINT "mobile_duty_records_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mobile_members" ADD CONSTRAINT "mobile_members_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mobile_members" ADD CONSTRAINT "mobile_members_outflow_org_id_orgs_id_fk" FOREIGN KEY ("outflow_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mobile_members" ADD CONSTRAINT "mobile_members_inflow_org_id_orgs_id_fk" FOREIGN KEY ("inflow_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mobile_members" ADD CONSTRAINT "mobile_members_received_by_users_id_fk" FOREIGN KEY ("received_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mobile_members" ADD CONSTRAINT "mobile_members_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mobile_queries" ADD CONSTRAINT "mobile_queries_member_id_mobile_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."mobile_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mobile_queries" ADD CONSTRAINT "mobile_queries_asked_by_users_id_fk" FOREIGN KEY ("asked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mobile_queries" ADD CONSTRAINT "mobile_queries_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mobile_duty_records_key" ON "mobile_duty_records" USING btree ("member_id","year","duty");--> statement-breakpoint
CREATE UNIQUE INDEX "mobile_members_certificate_key" ON "mobile_members" USING btree ("certificate_number");--> statement-breakpoint
CREATE UNIQUE INDEX "mobile_members_active_person_key" ON "mobile_members" USING btree ("person_id") WHERE "mobile_members"."state" <> 'returned';--> statement-breakpoint
CREATE INDEX "mobile_members_outflow_idx" ON "mobile_members" USING btree ("outflow_org_id");--> statement-breakpoint
CREATE INDEX "mobile_members_inflow_idx" ON "mobile_members" USING btree ("inflow_org_id") WHERE "mobile_members"."inflow_org_id" is not null;--> statement-breakpoint
CREATE INDEX "mobile_queries_member_idx" ON "mobile_queries" USING btree ("member_id");