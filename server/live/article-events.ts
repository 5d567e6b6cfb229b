import 'server-only';
import type { LiveEvent } from '@/lib/domain/live/live-event';
import { db } from '../db';

/**
 * Ids come from a sequence, so a transaction that took a lower id can commit after a
 * higher one. Re-reading a window below the last id sent (and skipping ids already sent)
 * closes that gap without sending anything twice.
 */
export const REORDER_WINDOW = 200n;

export async function latestEventId(): Promise<bigint> {
  const latest = await db().auditEvent.findFirst({ orderBy: { id: 'desc' }, select: { id: true } });
  return latest?.id ?? 0n;
}

/** The article's events (its own, its annotations' and comments') after `afterId`, oldest first. */
export async function articleEventsAfter(articleId: string, afterId: bigint): Promise<LiveEvent[]> {
  const rows = await db().auditEvent.findMany({
    where: {
      id: { gt: afterId },
      OR: [
        { objectType: 'article', objectId: articleId },
        { after: { path: ['articleId'], equals: articleId } },
        { before: { path: ['articleId'], equals: articleId } },
      ],
    },
    orderBy: { id: 'asc' },
    take: 1_000,
  });
  return rows.map((row) => ({
    id: row.id.toString(),
    action: row.action,
    objectType: row.objectType,
    objectId: row.objectId,
    actorId: row.actorId,
    before: row.before as LiveEvent['before'],
    after: row.after as LiveEvent['after'],
    createdAt: row.createdAt.toISOString(),
  }));
}
