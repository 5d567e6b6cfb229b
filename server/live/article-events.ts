import 'server-only';
import type { ArticleScopedAuditEvent } from '@/lib/domain/audit/audit-event';
import { redactAuditEvent } from '@/lib/domain/audit/redact-audit-event';
import type { LiveEvent } from '@/lib/domain/live/live-event';
import type { Role } from '@/lib/domain/permissions/permissions';
import { withholdAuditEvent } from '@/lib/domain/privilege/withhold-audit-event';
import { storedAuditEvent } from '../data/audit/stored-audit-event';
import { db } from '../db';
import { encodeEventCursor } from './event-cursor';

/**
 * Ids come from a sequence, so a transaction that took a lower id can commit after a
 * higher one. Re-reading a window below the last id sent (and skipping ids already sent)
 * closes that gap without sending anything twice.
 */
export const REORDER_WINDOW = 200n;
/** The most a single read (a resume included) sends; the rest follows on the next read. */
export const EVENTS_PER_READ = 500;

export async function latestEventId(): Promise<bigint> {
  const latest = await db().auditEvent.findFirst({ orderBy: { id: 'desc' }, select: { id: true } });
  return latest?.id ?? 0n;
}

type StoredRow = {
  id: bigint;
  action: string;
  objectType: string;
  objectId: string;
  actorId: string | null;
  before: unknown;
  after: unknown;
  createdAt: Date;
};
/**
 * A stored event of the article, to be sent once redacted for the viewer's current role and
 * the annotations withheld from them (server/data/privilege); null when nothing of it may go.
 */
export type StoredLiveEvent = { seq: bigint; toLive: (role: Role, withheld: ReadonlySet<string>) => LiveEvent | null };

function liveEvent(row: StoredRow, role: Role, withheld: ReadonlySet<string>): LiveEvent | null {
  // Rows selected by articleId are article-scoped events by construction (auditArticleId).
  const stored = { ...(storedAuditEvent(row) as ArticleScopedAuditEvent), objectId: row.objectId };
  const shown = withholdAuditEvent(stored, withheld);
  if (!shown) {
    // Marking takes the annotation away from those who no longer may read it: they are told
    // which one to drop (they had it on screen), and nothing else of it.
    if (row.action !== 'annotation.privileged') return null;
    return {
      id: encodeEventCursor(row.id),
      action: 'annotation.privileged',
      objectType: 'annotation',
      objectId: row.objectId,
      actorId: null,
      before: null,
      after: null,
      createdAt: row.createdAt.toISOString(),
    };
  }
  const event = redactAuditEvent(shown, role);
  return {
    id: encodeEventCursor(row.id),
    action: event.action,
    objectType: event.objectType,
    objectId: row.objectId,
    actorId: row.actorId,
    before: (event.before ?? null) as LiveEvent['before'],
    after: (event.after ?? null) as LiveEvent['after'],
    createdAt: row.createdAt.toISOString(),
  };
}

/** The article's events (its own, its annotations', comments' and links') after `afterId`, oldest first. */
export async function articleEventsAfter(articleId: string, afterId: bigint): Promise<StoredLiveEvent[]> {
  const rows = await db().auditEvent.findMany({
    where: { articleId, id: { gt: afterId } },
    orderBy: { id: 'asc' },
    take: EVENTS_PER_READ,
  });
  return rows.map(storedLiveEvent);
}

const storedLiveEvent = (row: StoredRow): StoredLiveEvent => ({
  seq: row.id,
  toLive: (role: Role, withheld: ReadonlySet<string>) => liveEvent(row, role, withheld),
});

const inWindow = (articleId: string, id: bigint) => ({
  articleId,
  id: { gt: id > REORDER_WINDOW ? id - REORDER_WINDOW : 0n, lte: id },
});

/** The article's events in the reorder window below `id`, whole, for what a page may be told of them. */
export async function articleEventsInWindow(articleId: string, id: bigint): Promise<StoredLiveEvent[]> {
  const rows = await db().auditEvent.findMany({ where: inWindow(articleId, id), orderBy: { id: 'asc' } });
  return rows.map(storedLiveEvent);
}

/** Ids of the article's events already stored in the reorder window below `id`: history, not news. */
export async function articleEventIdsInWindow(articleId: string, id: bigint): Promise<bigint[]> {
  const rows = await db().auditEvent.findMany({
    where: inWindow(articleId, id),
    select: { id: true },
  });
  return rows.map((row) => row.id);
}
