import 'server-only';
import { LRUCache } from 'lru-cache';
import { db } from '../../db';

// A revision's text never changes once saved (a save makes a new revision), so it can be kept in
// memory by id with no invalidation, on any number of instances. Annotating a long article then
// stops sending its whole text over the wire for every new highlight. Bounded by characters, so
// a process holds at most ~64 MB of text however many articles it serves.
const MAX_CHARACTERS = 32_000_000; // UTF-16: about 64 MB

const cache = new LRUCache<string, string>({
  maxSize: MAX_CHARACTERS,
  // An empty text still takes a slot.
  sizeCalculation: (text) => Math.max(1, text.length),
  // A text larger than the whole cache is simply not kept.
  maxEntrySize: MAX_CHARACTERS,
});

/** The text when this process holds it; never reads the database (so needs no permission check first). */
export function cachedRevisionText(revisionId: string): string | undefined {
  return cache.get(revisionId);
}

/** The text of revision `revisionId`, which the caller has already checked they may read. */
export async function revisionText(revisionId: string): Promise<string> {
  const cached = cache.get(revisionId);
  if (cached !== undefined) return cached;
  const row = await db().articleRevision.findUniqueOrThrow({ where: { id: revisionId }, select: { text: true } });
  cache.set(revisionId, row.text);
  return row.text;
}
