CREATE TABLE "revision_corrections" (
	"revision_id" integer PRIMARY KEY NOT NULL,
	"reason" text NOT NULL,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "studio_draft_reviews" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "studio_draft_reviews_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"draft_id" integer NOT NULL,
	"reviewer_user_id" integer NOT NULL,
	"kind" text NOT NULL,
	"input_path" text,
	"body" text NOT NULL,
	"draft_version" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "studio_draft_reviews_kind_check" CHECK ("studio_draft_reviews"."kind" in ('comment', 'changes-requested', 'approved'))
);
--> statement-breakpoint
CREATE TABLE "studio_drafts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "studio_drafts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"role_slug" text NOT NULL,
	"seniority" text NOT NULL,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"base_revision" integer NOT NULL,
	"document" jsonb NOT NULL,
	"state" text DEFAULT 'editing' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"is_correction" boolean DEFAULT false NOT NULL,
	"author_user_id" integer NOT NULL,
	"approved_version" integer,
	"approved_by_user_id" integer,
	"published_revision_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_user_id" integer,
	CONSTRAINT "studio_drafts_state_check" CHECK ("studio_drafts"."state" in ('editing', 'submitted', 'changes-requested', 'approved', 'published', 'discarded')),
	CONSTRAINT "studio_drafts_version_check" CHECK ("studio_drafts"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "studio_assignments" (
	"role_slug" text NOT NULL,
	"seniority" text NOT NULL,
	"assignee_user_id" integer NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "studio_assignments_pk" PRIMARY KEY("role_slug","seniority")
);
--> statement-breakpoint
CREATE TABLE "reader_reports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "reader_reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"role_slug" text NOT NULL,
	"seniority" text NOT NULL,
	"problem" text NOT NULL,
	"source" text,
	"email" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by_user_id" integer
);
--> statement-breakpoint
ALTER TABLE "revision_corrections" ADD CONSTRAINT "revision_corrections_revision_id_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studio_draft_reviews" ADD CONSTRAINT "studio_draft_reviews_draft_id_studio_drafts_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."studio_drafts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studio_draft_reviews" ADD CONSTRAINT "studio_draft_reviews_reviewer_user_id_users_id_fk" FOREIGN KEY ("reviewer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studio_drafts" ADD CONSTRAINT "studio_drafts_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studio_drafts" ADD CONSTRAINT "studio_drafts_approved_by_user_id_users_id_fk" FOREIGN KEY ("approved_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studio_drafts" ADD CONSTRAINT "studio_drafts_published_revision_id_revisions_id_fk" FOREIGN KEY ("published_revision_id") REFERENCES "public"."revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studio_drafts" ADD CONSTRAINT "studio_drafts_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studio_assignments" ADD CONSTRAINT "studio_assignments_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reader_reports" ADD CONSTRAINT "reader_reports_resolved_by_user_id_users_id_fk" FOREIGN KEY ("resolved_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "studio_draft_reviews_draft_idx" ON "studio_draft_reviews" USING btree ("draft_id");--> statement-breakpoint
CREATE INDEX "studio_drafts_assessment_idx" ON "studio_drafts" USING btree ("role_slug","seniority");--> statement-breakpoint
CREATE INDEX "studio_drafts_state_idx" ON "studio_drafts" USING btree ("state");--> statement-breakpoint
CREATE INDEX "reader_reports_assessment_idx" ON "reader_reports" USING btree ("role_slug","seniority");