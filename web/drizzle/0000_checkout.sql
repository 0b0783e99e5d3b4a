CREATE TYPE "public"."order_status" AS ENUM('pending', 'paid', 'minting', 'minted', 'failed', 'expired', 'refunded', 'disputed');--> statement-breakpoint
CREATE TABLE "edition_prices" (
	"collection" text NOT NULL,
	"token_id" bigint NOT NULL,
	"usd_cents" integer NOT NULL,
	"artist" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "edition_prices_collection_token_id_pk" PRIMARY KEY("collection","token_id")
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" text PRIMARY KEY NOT NULL,
	"chain_order_id" text NOT NULL,
	"collection" text NOT NULL,
	"token_id" bigint NOT NULL,
	"quantity" integer NOT NULL,
	"wallet" text NOT NULL,
	"email" text NOT NULL,
	"artist" text NOT NULL,
	"affiliate" text,
	"unit_cents" integer NOT NULL,
	"amount_cents" integer NOT NULL,
	"status" "order_status" DEFAULT 'pending' NOT NULL,
	"payment_status" text,
	"session_id" text,
	"session_url" text,
	"payment_intent" text,
	"card_fee_cents" integer,
	"mint_tx" text,
	"mint_block" bigint,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"paid_at" timestamp with time zone,
	"minting_at" timestamp with time zone,
	"minted_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settlement_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"artist" text NOT NULL,
	"order_id" text NOT NULL,
	"kind" text NOT NULL,
	"units" bigint NOT NULL,
	"settlement_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settlements" (
	"id" serial PRIMARY KEY NOT NULL,
	"artist" text NOT NULL,
	"token" text NOT NULL,
	"units" bigint NOT NULL,
	"status" text NOT NULL,
	"tx" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"settled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "stripe_events" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"order_id" text,
	"payment_intent" text,
	"outcome" text NOT NULL,
	"stripe_created_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "orders_chain_order_id" ON "orders" USING btree ("chain_order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_session_id" ON "orders" USING btree ("session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "orders_payment_intent" ON "orders" USING btree ("payment_intent");--> statement-breakpoint
CREATE INDEX "orders_status" ON "orders" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "orders_edition" ON "orders" USING btree ("collection","token_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "settlement_entries_order_kind" ON "settlement_entries" USING btree ("order_id","kind");--> statement-breakpoint
CREATE INDEX "settlement_entries_artist" ON "settlement_entries" USING btree ("artist","settlement_id");--> statement-breakpoint
CREATE INDEX "stripe_events_order" ON "stripe_events" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "stripe_events_payment_intent" ON "stripe_events" USING btree ("payment_intent");