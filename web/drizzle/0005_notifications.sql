CREATE TABLE "notification_cursors" (
	"name" text PRIMARY KEY NOT NULL,
	"block" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_jobs" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"subscription_id" integer NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"run_after" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone,
	"lease_owner" text,
	"last_error" text,
	"message_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notification_subscriptions" (
	"id" serial PRIMARY KEY NOT NULL,
	"artist" text NOT NULL,
	"email" text NOT NULL,
	"status" text NOT NULL,
	"confirm_token_hash" text,
	"confirm_expires_at" timestamp with time zone,
	"milestones" boolean DEFAULT true NOT NULL,
	"sales" boolean DEFAULT true NOT NULL,
	"referrals" boolean DEFAULT true NOT NULL,
	"from_block" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"unsubscribed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notification_unsubscribe_tokens" (
	"hash" text PRIMARY KEY NOT NULL,
	"subscription_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "notification_jobs_dedupe" ON "notification_jobs" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "notification_jobs_due" ON "notification_jobs" USING btree ("status","run_after");--> statement-breakpoint
CREATE INDEX "notification_jobs_subscription" ON "notification_jobs" USING btree ("subscription_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notification_subscriptions_artist" ON "notification_subscriptions" USING btree ("artist");--> statement-breakpoint
CREATE UNIQUE INDEX "notification_subscriptions_confirm" ON "notification_subscriptions" USING btree ("confirm_token_hash");--> statement-breakpoint
CREATE INDEX "notification_unsubscribe_tokens_subscription" ON "notification_unsubscribe_tokens" USING btree ("subscription_id");