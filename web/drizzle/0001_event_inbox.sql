ALTER TABLE "stripe_events" ADD COLUMN "payload" jsonb;--> statement-breakpoint
CREATE INDEX "stripe_events_outcome" ON "stripe_events" USING btree ("outcome","received_at");