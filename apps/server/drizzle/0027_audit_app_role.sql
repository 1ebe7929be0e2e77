-- The application's role (issue 16 item 11, docs/architecture.md "Database roles"). The server
-- connects as a login role that is a member of pairing_app; the migrations run as the owner of the
-- tables. pairing_app reads and writes the business tables but may only add to and read the audit
-- log and its seals: not change, delete or truncate them, and not disable their triggers (only an
-- owner may). The role is made here when a deployment has not made it beforehand.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'pairing_app') THEN
    CREATE ROLE pairing_app NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- another database of the cluster made it at the same moment
END $$;
--> statement-breakpoint
DO $$
DECLARE
  s text := quote_ident(current_schema());
BEGIN
  EXECUTE format('GRANT USAGE ON SCHEMA %s TO pairing_app', s);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %s TO pairing_app', s);
  EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %s TO pairing_app', s);
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %s GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO pairing_app', s);
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %s GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO pairing_app', s);
END $$;
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_log, audit_seals FROM pairing_app;
