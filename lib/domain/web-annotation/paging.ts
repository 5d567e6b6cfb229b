// Container paging by keyset: a page names the annotation it starts after (or ends before),
// never an offset, so annotations added or removed meanwhile do not shift or repeat items
// on the pages that follow.

export const PAGE_SIZE = { default: 100, max: 500 } as const;

/**
 * Document order, orphans last, as the article shows them; the id (time-ordered UUIDv7) breaks
 * ties so that the order is total and a key names one place in it.
 */
export type PageKey = { orphaned: boolean; start: number; end: number; id: string };

export type PageRequest =
  { kind: 'first' } | { kind: 'last' } | { kind: 'after'; key: PageKey } | { kind: 'before'; key: PageKey };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodePageKey(key: PageKey): string {
  return [key.orphaned ? 1 : 0, key.start, key.end, key.id].join('.');
}

function decodePageKey(value: string): PageKey | null {
  const parts = value.split('.');
  if (parts.length !== 4) return null;
  const [orphaned, start, end] = parts.slice(0, 3).map((part) => (/^\d{1,9}$/.test(part) ? Number(part) : NaN));
  const id = parts[3]!;
  if ([orphaned, start, end].some((n) => Number.isNaN(n)) || orphaned! > 1 || !UUID.test(id)) return null;
  return { orphaned: orphaned === 1, start: start!, end: end!, id: id.toLowerCase() };
}

/** `first`, `last`, `after.<key>` or `before.<key>`; null for anything else (answered 404). */
export function parsePageToken(token: string): PageRequest | null {
  if (token === 'first') return { kind: 'first' };
  if (token === 'last') return { kind: 'last' };
  const match = /^(after|before)\.(.+)$/.exec(token);
  const key = match ? decodePageKey(match[2]!) : null;
  return key ? { kind: match![1] as 'after' | 'before', key } : null;
}

export function pageToken(request: PageRequest): string {
  return request.kind === 'first' || request.kind === 'last'
    ? request.kind
    : `${request.kind}.${encodePageKey(request.key)}`;
}

/** The page size a client asked for (`?limit=`), within bounds; null when it is not a number. */
export function parsePageSize(value: string | null): number | null {
  if (value === null || value === '') return PAGE_SIZE.default;
  if (!/^\d{1,6}$/.test(value)) return null;
  return Math.min(PAGE_SIZE.max, Math.max(1, Number(value)));
}
