import 'server-only';
import { annotationHistory, type HistoryEntry, type HistoryEvent } from '@/lib/domain/evidence/annotation-history';
import { db } from '../../db';
import { getMemberAnnotation } from '../annotations/get-member-annotation';

/** The trail is bounded: an annotation rarely has more, and a page of history must stay cheap. */
export const HISTORY_LIMIT = 200;

/**
 * An annotation's trail from the audit log: its own events, and the revisions of its article
 * that changed or removed its words. Any member who can read the annotation may read it.
 */
export async function listAnnotationHistory(options: { userId: string; annotationId: string }): Promise<{
  entries: HistoryEntry[];
  truncated: boolean;
}> {
  const { record, workspaceId } = await getMemberAnnotation(options);
  const rows = await db().$queryRaw<(HistoryEvent & { id: bigint })[]>`
    SELECT e.id, e."createdAt" AS at, u.name AS "actorName", e.action, e.before, e.after
    FROM "AuditEvent" e
    LEFT JOIN "User" u ON u.id = e."actorId"
    WHERE e."workspaceId" = ${workspaceId}::uuid AND (
      (e."objectType" = 'annotation' AND e."objectId" = ${record.id})
      OR (e."objectType" = 'article' AND e."objectId" = ${record.articleId} AND e.action = 'article.revised' AND (
        e.after->'orphaned' ? ${record.id}
        OR e.after->'wordChanges' @> jsonb_build_array(jsonb_build_object('id', ${record.id}::text))
      ))
    )
    ORDER BY e."createdAt", e.id
    LIMIT ${HISTORY_LIMIT + 1}`;
  const events = rows.slice(0, HISTORY_LIMIT).map((row) => ({ ...row, id: String(row.id) }));
  return { entries: annotationHistory(events, record.id), truncated: rows.length > HISTORY_LIMIT };
}
