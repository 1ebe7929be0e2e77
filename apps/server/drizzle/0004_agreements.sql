CREATE TYPE "public"."agreement_side" AS ENUM('urban', 'rural');--> statement-breakpoint
CREATE TYPE "public"."agreement_status" AS ENUM('draft', 'signed');--> statement-breakpoint
CREATE TABLE "agreement_versions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "agreement_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"agreement_id" bigint NOT NULL,
	"version" integer NOT NULL,
	"side" "agreement_side",
	"content" jsonb NOT NULL,
	"edited_by" bigint,
	"edited_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "agreements_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"round_id" bigint NOT NULL,
	"intention_id" bigint NOT NULL,
	"amends_id" bigint,
	"pack_id" text NOT NULL,
	"urban_org_id" bigint NOT NULL,
	"rural_org_id" bigint NOT NULL,
	"province_code" text NOT NULL,
	"term_start" date NOT NULL,
	"term_end" date NOT NULL,
	"status" "agreement_status" DEFAULT 'draft' NOT NULL,
	"pen" "agreement_side" NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"content" jsonb NOT NULL,
	"urban_signed_at" timestamp with time zone,
	"urban_signed_by" bigint,
	"rural_signed_at" timestamp with time zone,
	"rural_signed_by" bigint,
	"signed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agreement_versions" ADD CONSTRAINT "agreement_versions_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_versions" ADD CONSTRAINT "agreement_versions_edited_by_users_id_fk" FOREIGN KEY ("edited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_round_id_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_intention_id_intentions_id_fk" FOREIGN KEY ("intention_id") REFERENCES "public"."intentions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_amends_id_agreements_id_fk" FOREIGN KEY ("amends_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_urban_org_id_orgs_id_fk" FOREIGN KEY ("urban_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_rural_org_id_orgs_id_fk" FOREIGN KEY ("rural_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_urban_signed_by_users_id_fk" FOREIGN KEY ("urban_signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_rural_signed_by_users_id_fk" FOREIGN KEY ("rural_signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_versions_key" ON "agreement_versions" USING btree ("agreement_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "agreements_intention_key" ON "agreements" USING btree ("intention_id") WHERE "agreements"."amends_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "agreements_open_amendment_key" ON "agreements" USING btree ("amends_id") WHERE "agreements"."amends_id" is not null and "agreements"."status" = 'draft';--> statement-breakpoint
CREATE INDEX "agreements_round_idx" ON "agreements" USING btree ("round_id","status");--> statement-breakpoint
CREATE INDEX "agreements_urban_idx" ON "agreements" USING btree ("urban_org_id");--> statement-breakpoint
CREATE INDEX "agreements_rural_idx" ON "agreements" USING btree ("rural_org_id");