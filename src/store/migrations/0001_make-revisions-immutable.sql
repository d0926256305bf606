-- A published revision is the record of what readers saw: it can never be changed or removed.
-- A correction is a new revision.
CREATE FUNCTION "reject_revision_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'revisions are immutable: publish a new revision instead of changing revision %', OLD.id
		USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "revisions_are_immutable" BEFORE UPDATE OR DELETE ON "revisions"
	FOR EACH ROW EXECUTE FUNCTION "reject_revision_change"();
