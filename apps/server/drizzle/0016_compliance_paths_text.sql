ALTER TABLE "pairing_status" ALTER COLUMN "status" SET DATA TYPE text;--> statement-breakpoint
-- Rows stored before the paths were kept here: the next recompute writes them again (an empty
-- digest counts as changed).
DELETE FROM "pairing_rule_status";--> statement-breakpoint
UPDATE "pairing_compliance" SET "hash" = '';--> statement-breakpoint
ALTER TABLE "pairing_rule_status" ADD COLUMN "urban_path" text NOT NULL;--> statement-breakpoint
ALTER TABLE "pairing_rule_status" ADD COLUMN "rural_path" text NOT NULL;--> statement-breakpoint
CREATE INDEX "pairing_rule_status_rural_idx" ON "pairing_rule_status" USING btree ("rural_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "pairing_rule_status_urban_idx" ON "pairing_rule_status" USING btree ("urban_path" text_pattern_ops);