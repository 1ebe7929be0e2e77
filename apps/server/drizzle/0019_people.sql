CREATE TYPE "public"."person_gender" AS ENUM('male', 'female');--> statement-breakpoint
CREATE TYPE "public"."person_kind" AS ENUM('member', 'resident');--> statement-breakpoint
CREATE TYPE "public"."person_tag" AS ENUM('inServiceCadre', 'poorMember', 'poorResident', 'retired', 'unemployed', 'mobileOut', 'mobileIn', 'villageSecretary');--> statement-breakpoint
CREATE TABLE "persons" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "persons_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" bigint NOT NULL,
	"second_org_id" bigint,
	"province_code" text NOT NULL,
	"kind" "person_kind" NOT NULL,
	"name" text NOT NULL,
	"gender" "person_gender" NOT NULL,
	"birth_year" integer NOT NULL,
	"id_number_sealed" text NOT NULL,
	"id_number_index" text NOT NULL,
	"phone_sealed" text,
	"key_id" text NOT NULL,
	"tags" "person_tag"[] DEFAULT '{}' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"user_id" bigint,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_second_org_id_orgs_id_fk" FOREIGN KEY ("second_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "persons_id_number_index_key" ON "persons" USING btree ("id_number_index");--> statement-breakpoint
CREATE INDEX "persons_org_idx" ON "persons" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "persons_second_org_idx" ON "persons" USING btree ("second_org_id") WHERE "persons"."second_org_id" is not null;--> statement-breakpoint
CREATE INDEX "persons_key_idx" ON "persons" USING btree ("key_id");--> statement-breakpoint
CREATE UNIQUE INDEX "persons_user_key" ON "persons" USING btree ("user_id") WHERE "persons"."user_id" is not null;