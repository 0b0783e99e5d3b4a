CREATE TABLE "audit_log" (
	"id" serial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"address" text,
	"method" text NOT NULL,
	"route" text NOT NULL,
	"item" text,
	"owner" text,
	"status" integer NOT NULL,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "auth_nonces" (
	"nonce" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auth_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"address" text NOT NULL,
	"chain_id" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "media_uploads" (
	"id" text NOT NULL,
	"artist" text NOT NULL,
	"kind" text NOT NULL,
	"keys" jsonb NOT NULL,
	"bytes" bigint NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	CONSTRAINT "media_uploads_artist_id_pk" PRIMARY KEY("artist","id")
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"points" integer NOT NULL,
	"expire" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "audit_log_owner" ON "audit_log" USING btree ("owner","at");--> statement-breakpoint
CREATE INDEX "audit_log_address" ON "audit_log" USING btree ("address","at");--> statement-breakpoint
CREATE INDEX "auth_nonces_expires" ON "auth_nonces" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "auth_sessions_address" ON "auth_sessions" USING btree ("address");--> statement-breakpoint
CREATE INDEX "auth_sessions_expires" ON "auth_sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "media_uploads_pending" ON "media_uploads" USING btree ("confirmed_at","created_at");