-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "articleId" UUID;

-- CreateIndex
CREATE INDEX "AuditEvent_articleId_id_idx" ON "AuditEvent"("articleId", "id");

-- Backfill from what earlier rows kept in their snapshots. The log is append-only, so its
-- guard is lifted for this one statement, inside the migration's transaction.
ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_no_update_or_delete";
UPDATE "AuditEvent"
SET "articleId" = candidate::uuid
FROM (
  SELECT id AS event_id, COALESCE(
    CASE WHEN "objectType" = 'article' THEN "objectId" END,
    "after" ->> 'articleId',
    "before" ->> 'articleId'
  ) AS candidate
  FROM "AuditEvent"
) AS found
WHERE "AuditEvent".id = found.event_id
  AND found.candidate ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_no_update_or_delete";

-- The live notice reads the column now; action and object let streams re-check access.
CREATE OR REPLACE FUNCTION "audit_event_notify"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify(
    'marginalia_events',
    json_build_object(
      'id', NEW.id,
      'action', NEW."action",
      'objectId', NEW."objectId",
      'articleId', NEW."articleId"
    )::text
  );
  RETURN NEW;
END;
$$;
