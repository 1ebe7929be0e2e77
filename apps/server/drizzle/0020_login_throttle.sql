CREATE TABLE "login_throttle" (
	"username" text NOT NULL,
	"source" text NOT NULL,
	"attempts" integer NOT NULL,
	"blocks" integer DEFAULT 0 NOT NULL,
	"blocked_until" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "login_throttle_username_source_pk" PRIMARY KEY("username","source")
);
