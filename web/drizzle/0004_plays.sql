CREATE TABLE "play_claims" (
	"listener" text NOT NULL,
	"collection" text NOT NULL,
	"token_id" bigint NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	CONSTRAINT "play_claims_listener_collection_token_id_window_start_pk" PRIMARY KEY("listener","collection","token_id","window_start")
);
--> statement-breakpoint
CREATE TABLE "play_days" (
	"collection" text NOT NULL,
	"token_id" bigint NOT NULL,
	"day" date NOT NULL,
	"plays" integer NOT NULL,
	CONSTRAINT "play_days_collection_token_id_day_pk" PRIMARY KEY("collection","token_id","day")
);
--> statement-breakpoint
CREATE TABLE "server_secrets" (
	"name" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "play_claims_window" ON "play_claims" USING btree ("window_start");