CREATE TABLE "data_snapshot_files" (
	"month" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"rows" integer NOT NULL,
	"bytes" integer NOT NULL,
	"body" text NOT NULL,
	CONSTRAINT "data_snapshot_files_month_file_name_pk" PRIMARY KEY("month","file_name")
);
--> statement-breakpoint
CREATE TABLE "data_snapshots" (
	"month" text PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"read_model_built_at" timestamp with time zone NOT NULL,
	"methodology_version" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "data_snapshot_files" ADD CONSTRAINT "data_snapshot_files_month_data_snapshots_month_fk" FOREIGN KEY ("month") REFERENCES "public"."data_snapshots"("month") ON DELETE cascade ON UPDATE no action;