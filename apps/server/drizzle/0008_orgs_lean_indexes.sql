DROP INDEX "orgs_kind_path_idx";--> statement-breakpoint
DROP INDEX "orgs_code_key";--> statement-breakpoint
DROP INDEX "orgs_path_idx";--> statement-breakpoint
DROP INDEX "orgs_parent_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "orgs_code_key" ON "orgs" USING btree ("code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "orgs_path_idx" ON "orgs" USING btree ("path" text_pattern_ops,"kind");--> statement-breakpoint
CREATE INDEX "orgs_parent_idx" ON "orgs" USING btree ("parent_id");