CREATE TABLE "assessments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "assessments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"role_slug" text NOT NULL,
	"seniority" text NOT NULL,
	"current_revision_id" integer,
	CONSTRAINT "assessments_role_seniority_unique" UNIQUE("role_slug","seniority")
);
--> statement-breakpoint
CREATE TABLE "data_sources" (
	"key" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"publisher" text NOT NULL,
	"year" text NOT NULL,
	"license" text NOT NULL,
	"attribution" text NOT NULL,
	"files" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "index_values" (
	"onet_code" text NOT NULL,
	"index_key" text NOT NULL,
	"value" double precision NOT NULL,
	"percentile" double precision NOT NULL,
	"crosswalked" boolean NOT NULL,
	CONSTRAINT "index_values_pk" PRIMARY KEY("onet_code","index_key")
);
--> statement-breakpoint
CREATE TABLE "occupations" (
	"onet_code" text PRIMARY KEY NOT NULL,
	"soc_code" text NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"category" text NOT NULL,
	"job_zone" integer,
	"facts" jsonb NOT NULL,
	CONSTRAINT "occupations_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "revisions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "revisions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"assessment_id" integer NOT NULL,
	"revision_number" integer NOT NULL,
	"document" jsonb NOT NULL,
	"figures" jsonb NOT NULL,
	"score" double precision NOT NULL,
	"zone" text NOT NULL,
	"methodology_version" text NOT NULL,
	"author" text NOT NULL,
	"note" text NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "revisions_assessment_revision_unique" UNIQUE("assessment_id","revision_number"),
	CONSTRAINT "revisions_revision_number_check" CHECK ("revisions"."revision_number" >= 1)
);
--> statement-breakpoint
CREATE TABLE "roles" (
	"slug" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"primary_onet_code" text,
	"kind" text NOT NULL,
	CONSTRAINT "roles_kind_check" CHECK ("roles"."kind" in ('baseline', 'expert'))
);
--> statement-breakpoint
CREATE TABLE "titles" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "titles_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"title" text NOT NULL,
	"normalized_title" text NOT NULL,
	"onet_code" text,
	"role_slug" text,
	"kind" text NOT NULL,
	CONSTRAINT "titles_identity_unique" UNIQUE NULLS NOT DISTINCT("title","kind","onet_code","role_slug"),
	CONSTRAINT "titles_kind_check" CHECK ("titles"."kind" in ('onet', 'alternate', 'short', 'reported', 'alias')),
	CONSTRAINT "titles_target_check" CHECK ("titles"."onet_code" is not null or "titles"."role_slug" is not null)
);
--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_role_slug_roles_slug_fk" FOREIGN KEY ("role_slug") REFERENCES "public"."roles"("slug") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_current_revision_id_revisions_id_fk" FOREIGN KEY ("current_revision_id") REFERENCES "public"."revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "index_values" ADD CONSTRAINT "index_values_onet_code_occupations_onet_code_fk" FOREIGN KEY ("onet_code") REFERENCES "public"."occupations"("onet_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revisions" ADD CONSTRAINT "revisions_assessment_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roles" ADD CONSTRAINT "roles_primary_onet_code_occupations_onet_code_fk" FOREIGN KEY ("primary_onet_code") REFERENCES "public"."occupations"("onet_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "titles" ADD CONSTRAINT "titles_onet_code_occupations_onet_code_fk" FOREIGN KEY ("onet_code") REFERENCES "public"."occupations"("onet_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "titles" ADD CONSTRAINT "titles_role_slug_roles_slug_fk" FOREIGN KEY ("role_slug") REFERENCES "public"."roles"("slug") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "occupations_soc_code_idx" ON "occupations" USING btree ("soc_code");--> statement-breakpoint
CREATE INDEX "roles_primary_onet_code_idx" ON "roles" USING btree ("primary_onet_code");--> statement-breakpoint
CREATE INDEX "titles_normalized_title_idx" ON "titles" USING btree ("normalized_title");