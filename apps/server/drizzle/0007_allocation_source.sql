ALTER TYPE "public"."intention_source" ADD VALUE 'allocation';--> statement-breakpoint
ALTER TABLE "intentions" ADD COLUMN "urban_confirmed_by" bigint;--> statement-breakpoint
ALTER TABLE "intentions" ADD COLUMN "urban_confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "intentions" ADD COLUMN "rural_confirmed_by" bigint;--> statement-breakpoint
ALTER TABLE "intentions" ADD COLUMN "rural_confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "intentions" ADD CONSTRAINT "intentions_urban_confirmed_by_users_id_fk" FOREIGN KEY ("urban_confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intentions" ADD CONSTRAINT "intentions_rural_confirmed_by_users_id_fk" FOREIGN KEY ("rural_confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;