ALTER TYPE "public"."intention_state" ADD VALUE 'lapsed';--> statement-breakpoint
ALTER TYPE "public"."agreement_status" ADD VALUE 'lapsed';--> statement-breakpoint
ALTER TABLE "intentions" ADD COLUMN "closed_reason" text;--> statement-breakpoint
ALTER TABLE "renewals" ADD COLUMN "closed_reason" text;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "closed_reason" text;