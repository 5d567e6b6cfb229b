import 'server-only';
import type { LiveEvent } from '@/lib/domain/live/live-event';
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

export type StoredLiveEvent = { seq: bigint; event: LiveEvent };

const articleWhere = (articleId: string) => ({
  OR: [
    { objectType: 'article', objectId: articleId },
    { after: { path: ['articleId'], equals: articleId } },
    { before: { path: ['articleId'], equals: articleId } },
  ],
});

/** The article's events (its own, its annotations' and comments') after `afterId`, oldest first. */
export async function articleEventsAfter(articleId: string, afterId: bigint): Promise<StoredLiveEvent[]> {
  const rows = await db().auditEvent.findMany({
    where: { id: { gt: afterId }, ...articleWhere(articleId) },
    orderBy: { id: 'asc' },
    take: EVENTS_PER_READ,
  });
  return rows.map((row) => ({
    seq: row.id,
    event: {
      id: encodeEventCursor(row.id),
      action: row.action,
      objectType: row.objectType,
      objectId: row.objectId,
      actorId: row.actorId,
      before: row.before as LiveEvent['before'],
      after: row.after as LiveEvent['after'],
      createdAt: row.createdAt.toISOString(),
    },
  }));
}

/** Ids of the article's events already stored in the reorder window below `id`: history, not news. */
export async function articleEventIdsInWindow(articleId: string, id: bigint): Promise<bigint[]> {
  const rows = await db().auditEvent.findMany({
    where: { id: { gt: id > REORDER_WINDOW ? id - REORDER_WINDOW : 0n, lte: id }, ...articleWhere(articleId) },
    select: { id: true },
  });
  return rows.map((row) => row.id);
}
