-- Live streams re-check their viewer's access as soon as a membership or token changes, so
-- the notice also names the action and its object (the member's user id, the token id).
-- Only app instances LISTEN on this channel; clients never see these payloads.
CREATE OR REPLACE FUNCTION "audit_event_notify"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify(
    'marginalia_events',
    json_build_object(
      'id', NEW.id,
      'action', NEW."action",
      'objectId', NEW."objectId",
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
