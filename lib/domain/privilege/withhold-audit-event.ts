// The audit trail as a reader without the right to privileged notes may see it: every entry
// about a withheld annotation (its own, its thread's, its links') is left out, and a revision's
// entry keeps only the annotations the reader may see. The log itself keeps everything.
import type { AuditEvent } from '../audit/audit-event';

type Entry = AuditEvent & { objectId: string };

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The annotations an entry is about (none for article, workspace and account entries but a revision's). */
export function auditEventAnnotationIds(event: Entry): string[] {
  const before = (event.before ?? null) as Record<string, unknown> | null;
  const after = (event.after ?? null) as Record<string, unknown> | null;
  switch (event.objectType) {
    case 'annotation':
      return [event.objectId];
    case 'comment':
      return [text(after?.annotationId) ?? text(before?.annotationId)].filter((id) => id !== null);
    case 'annotation_link': {
      const link = after ?? before;
      return [text(link?.fromAnnotationId), text(link?.toAnnotationId)].filter((id) => id !== null);
    }
    default:
      return [];
  }
}

/** Whether an entry of the log says the annotation was deleted while privileged. */
export function deletedWhilePrivileged(event: { action: string; before: unknown }): boolean {
  return (
    event.action === 'annotation.deleted' && (event.before as { privileged?: unknown } | null)?.privileged === true
  );
}

/**
 * The entry as the reader may see it, or null to leave it out. `withheld` holds the ids of
 * the annotations the reader may not see (server/data/privilege/withheld-annotation-ids.ts).
 * A revision's counts per anchor state are dropped for such a reader, since they cannot be
 * recounted without the withheld annotations.
 */
export function withholdAuditEvent<E extends Entry>(event: E, withheld: ReadonlySet<string>): E | null {
  if (withheld.size === 0) return event;
  if (auditEventAnnotationIds(event).some((id) => withheld.has(id))) return null;
  if (event.action !== 'article.revised') return event;
  const after = event.after;
  const visible = (id: string) => !withheld.has(id);
  return {
    ...event,
    after: {
      ...after,
      // Counts per anchor state would count withheld annotations too ("not even a count").
      anchors: {},
      orphaned: after.orphaned.filter(visible),
      ...(after.changed ? { changed: after.changed.filter(visible) } : {}),
      ...(after.wordChanges ? { wordChanges: after.wordChanges.filter((change) => visible(change.id)) } : {}),
    },
  };
}
