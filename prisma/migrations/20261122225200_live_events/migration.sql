-- Live updates: every audit event is announced on a channel with the article it concerns,
-- so each app instance can forward it to the people viewing that article (server-sent events).
CREATE FUNCTION "audit_event_notify"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify(
    'marginalia_events',
    json_build_object(
      'id', NEW.id,
      'articleId', COALESCE(
        CASE WHEN NEW."objectType" = 'article' THEN NEW."objectId" END,
        NEW."after" ->> 'articleId',
        NEW."before" ->> 'articleId'
      )
    )::text
  );
  RETURN NEW;
END;
$$;

CREATE TRIGGER "AuditEvent_notify"
  AFTER INSERT ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_notify"();
