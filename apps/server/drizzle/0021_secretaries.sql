CREATE TABLE "secretary_assessments" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "secretary_assessments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"person_id" bigint NOT NULL,
	"village_id" bigint NOT NULL,
	"province_code" text NOT NULL,
	"year" integer NOT NULL,
	"lines" jsonb NOT NULL,
	"income_created" bigint NOT NULL,
	"insurance_premiums" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"pay" jsonb NOT NULL,
	"total" integer NOT NULL,
	"parameters" jsonb NOT NULL,
	"parameters_from_year" integer,
	"assessed_by" bigint,
	"assessed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "secretary_pay_parameters" (
	"city_id" bigint NOT NULL,
	"year" integer NOT NULL,
	"parameters" jsonb NOT NULL,
	"updated_by" bigint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "secretary_pay_parameters_city_id_year_pk" PRIMARY KEY("city_id","year")
);
--> statement-breakpoint
CREATE TABLE "secretary_terms" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "secretary_terms_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"person_id" bigint NOT NULL,
	"village_id" bigint NOT NULL,
	"province_code" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"base_subsidy_per_year" integer NOT NULL,
	"allowance" jsonb,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_by" bigint,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "secretary_assessments" ADD CONSTRAINT "secretary_assessments_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secretary_assessments" ADD CONSTRAINT "secretary_assessments_village_id_orgs_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secretary_assessments" ADD CONSTRAINT "secretary_assessments_assessed_by_users_id_fk" FOREIGN KEY ("assessed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secretary_pay_parameters" ADD CONSTRAINT "secretary_pay_parameters_city_id_orgs_id_fk" FOREIGN KEY ("city_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secretary_pay_parameters" ADD CONSTRAINT "secretary_pay_parameters_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secretary_terms" ADD CONSTRAINT "secretary_terms_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secretary_terms" ADD CONSTRAINT "secretary_terms_village_id_orgs_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secretary_terms" ADD CONSTRAINT "secretary_terms_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "secretary_terms" ADD CONSTRAINT "secretary_terms_ended_by_users_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "secretary_assessments_person_year_key" ON "secretary_assessments" USING btree ("person_id","year");--> statement-breakpoint
CREATE INDEX "secretary_assessments_village_idx" ON "secretary_assessments" USING btree ("village_id","year");--> statement-breakpoint
CREATE INDEX "secretary_terms_person_idx" ON "secretary_terms" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "secretary_terms_village_idx" ON "secretary_terms" USING btree ("village_id");