CREATE TABLE "rate_limit_buckets" (
	"key" text PRIMARY KEY NOT NULL,
	"tokens" double precision NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"full_at" timestamp with time zone NOT NULL,
	"last_wait_seconds" double precision NOT NULL
);
--> statement-breakpoint
CREATE INDEX "rate_limit_buckets_full_at_idx" ON "rate_limit_buckets" USING btree ("full_at");