-- The words as tagged (issue #12). Every annotation keeps the quote, context and place it was
-- made on, beside its current anchor; states are judged against them, and "fuzzy" becomes
-- "changed" (lib/domain/evidence).

-- AlterEnum: a rename keeps every stored value ('fuzzy' rows become 'changed').
ALTER TYPE "AnchorState" RENAME VALUE 'fuzzy' TO 'changed';

-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "confirmedAt" TIMESTAMP(3),
ADD COLUMN     "confirmedById" UUID,
ADD COLUMN     "confirmedExact" TEXT,
ADD COLUMN     "confirmedPrefix" TEXT,
ADD COLUMN     "confirmedSuffix" TEXT,
ADD COLUMN     "importedAt" TIMESTAMP(3),
ADD COLUMN     "importedById" UUID,
ADD COLUMN     "importedCreatorName" TEXT,
ADD COLUMN     "taggedEnd" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "taggedExact" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "taggedPrefix" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "taggedRevisionId" UUID NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000'::uuid,
ADD COLUMN     "taggedStart" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "taggedSuffix" TEXT NOT NULL DEFAULT '';


-- Existing annotations: their current quote becomes "as tagged"...
UPDATE "Annotation" SET
  "taggedExact" = "quoteExact",
  "taggedPrefix" = "quotePrefix",
  "taggedSuffix" = "quoteSuffix",
  "taggedStart" = "posStart",
  "taggedEnd" = "posEnd",
  "taggedRevisionId" = "revisionId";

-- ...unless the audit log recovers the words they were made on: the "annotation.created" event
-- keeps the quote, offsets and revision. It is used only where that revision's text still holds
-- the quote at those offsets (Postgres counts code points, the app UTF-16 units: a text with
-- characters outside the BMP may disagree, and then the current quote stays), and the context
-- is read from that revision's text.
WITH created AS (
  SELECT DISTINCT ON (e."objectId") e."objectId"::uuid AS id,
    e."after"->>'quote' AS quote,
    (e."after"->>'start')::int AS s,
    (e."after"->>'end')::int AS t,
    (e."after"->>'revisionId')::uuid AS revision_id
  FROM "AuditEvent" e
  WHERE e."action" = 'annotation.created' AND e."objectType" = 'annotation'
    AND e."after" ? 'quote' AND e."after" ? 'start' AND e."after" ? 'end' AND e."after" ? 'revisionId'
  ORDER BY e."objectId", e."createdAt"
), recovered AS (
  SELECT c.id, c.quote, c.s, c.t, c.revision_id,
    substr(r."text", greatest(1, c.s + 1 - 32), c.s - greatest(0, c.s - 32)) AS prefix,
    substr(r."text", c.t + 1, 32) AS suffix
  FROM created c
  JOIN "ArticleRevision" r ON r."id" = c.revision_id
  WHERE substr(r."text", c.s + 1, c.t - c.s) = c.quote
)
UPDATE "Annotation" a SET
  "taggedExact" = v.quote,
  "taggedPrefix" = v.prefix,
  "taggedSuffix" = v.suffix,
  "taggedStart" = v.s,
  "taggedEnd" = v.t,
  "taggedRevisionId" = v.revision_id,
  -- Words that differ from the words as tagged are "changed", whatever the old label said.
  "anchorState" = CASE
    WHEN a."anchorState" <> 'orphaned' AND a."quoteExact" <> v.quote THEN 'changed'::"AnchorState"
    ELSE a."anchorState" END
FROM recovered v
WHERE a."id" = v.id;


-- The words as tagged are written once. An insert that does not give them (bulk loaders,
-- older code paths) gets the anchor it is created with; an UPDATE that changes them is refused,
-- so no code path can silently rewrite what a reviewer tagged.
CREATE FUNCTION annotation_tagged_on_insert() RETURNS trigger AS $$
BEGIN
  IF NEW."taggedRevisionId" = '00000000-0000-0000-0000-000000000000'::uuid THEN
    NEW."taggedExact" := NEW."quoteExact";
    NEW."taggedPrefix" := NEW."quotePrefix";
    NEW."taggedSuffix" := NEW."quoteSuffix";
    NEW."taggedStart" := NEW."posStart";
    NEW."taggedEnd" := NEW."posEnd";
    NEW."taggedRevisionId" := NEW."revisionId";
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER annotation_tagged_on_insert BEFORE INSERT ON "Annotation"
  FOR EACH ROW EXECUTE FUNCTION annotation_tagged_on_insert();

CREATE FUNCTION annotation_tagged_immutable() RETURNS trigger AS $$
BEGIN
  IF (NEW."taggedExact", NEW."taggedPrefix", NEW."taggedSuffix", NEW."taggedStart", NEW."taggedEnd", NEW."taggedRevisionId")
     IS DISTINCT FROM
     (OLD."taggedExact", OLD."taggedPrefix", OLD."taggedSuffix", OLD."taggedStart", OLD."taggedEnd", OLD."taggedRevisionId") THEN
    RAISE EXCEPTION 'The words as tagged of an annotation are never rewritten (annotation %)', OLD."id"
      USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER annotation_tagged_immutable BEFORE UPDATE ON "Annotation"
  FOR EACH ROW EXECUTE FUNCTION annotation_tagged_immutable();
