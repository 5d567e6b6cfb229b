import type { ArticleScopedAuditEvent } from '../audit/audit-event';

/**
 * A change to an article, as live updates deliver it: one of the article-scoped audit events
 * (already redacted for the viewer's role), with an opaque cursor as its id. Snapshots are
 * widened to plain records because the browser reads the few fields it needs by name.
 */
export type LiveEvent = {
  id: string;
  action: ArticleScopedAuditEvent['action'];
  objectType: ArticleScopedAuditEvent['objectType'];
  objectId: string;
  actorId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  createdAt: string;
};

/** Where a page's live updates start: the cursor it was rendered at and the events it already shows. */
export type LiveCursor = { after: string; seen: string[] };
