import 'server-only';
import {
  ESTIMATE_EPSILON,
  retryAfterSeconds,
  slidingEstimate,
  slidingWindow,
  type RateLimitRule,
} from '@/lib/security/rate-limit';
import { db } from '../db';

// Rate-limit counters in Postgres, shared by every app instance. One statement per operation:
// `INSERT … ON CONFLICT DO UPDATE` locks the key's row and re-checks the condition against its
// latest version, so concurrent requests (on any instance) can never both take the last slot.
// The sliding-window arithmetic is in lib/security/rate-limit.ts.

export type Counts = { previous: number; current: number };

/** One counted event, so that it can be given back (e.g. a sign-in that turned out right). */
export type Reservation = { key: string; windowStart: Date };

export type TakeResult = { allowed: true; reservation: Reservation } | { allowed: false; retryAfter: number };

export type HitResult = { allowed: boolean; estimate: number; retryAfter: number; reservation: Reservation };

const fullKey = (rule: RateLimitRule, subject: string) => `${rule.name}:${subject}`;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Counts one event if it fits under the rule's limit, atomically; refuses (counting nothing)
 * when it does not.
 */
export async function takeRateLimit(rule: RateLimitRule, subject: string, now = Date.now()): Promise<TakeResult> {
  const key = fullKey(rule, subject);
  const window = slidingWindow(now, rule.windowMs);
  const ceiling = rule.limit + ESTIMATE_EPSILON;
  const [row] = await db().$queryRaw<{ taken: number | null; previous: number; current: number | null }[]>`
    WITH previous AS (
      SELECT COALESCE(
        (SELECT "count" FROM "RateLimitCounter"
          WHERE "key" = ${key} AND "windowStart" = ${iso(window.previousStart)}::timestamptz),
        0) AS n
    ), taken AS (
      INSERT INTO "RateLimitCounter" AS c ("key", "windowStart", "count", "expiresAt")
      SELECT ${key}, ${iso(window.currentStart)}::timestamptz, 1, ${iso(window.expiresAt)}::timestamptz
        FROM previous
       WHERE previous.n * ${window.previousWeight}::float8 + 1 <= ${ceiling}::float8
      ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = c."count" + 1
       WHERE c."count" + 1 + (SELECT n FROM previous) * ${window.previousWeight}::float8 <= ${ceiling}::float8
      RETURNING c."count"
    )
    SELECT (SELECT "count" FROM taken) AS taken,
           (SELECT n FROM previous) AS previous,
           (SELECT "count" FROM "RateLimitCounter"
             WHERE "key" = ${key} AND "windowStart" = ${iso(window.currentStart)}::timestamptz) AS current`;
  scheduleCleanup();
  if (row?.taken != null) return { allowed: true, reservation: { key, windowStart: new Date(window.currentStart) } };
  // `current` comes from the statement's snapshot, which may predate concurrent increments; the
  // refusal itself proves the locked row held at least enough to be refused.
  const previous = Number(row?.previous ?? 0);
  const refusedAt = Math.floor(rule.limit - 1 - previous * window.previousWeight + ESTIMATE_EPSILON) + 1;
  const counts = { previous, current: Math.max(Number(row?.current ?? 0), refusedAt, 0) };
  return { allowed: false, retryAfter: retryAfterSeconds(now, rule, counts) };
}

/** Counts one event whatever the limit, and says whether the count is now over it. */
export async function hitRateLimit(rule: RateLimitRule, subject: string, now = Date.now()): Promise<HitResult> {
  const key = fullKey(rule, subject);
  const window = slidingWindow(now, rule.windowMs);
  const [row] = await db().$queryRaw<{ current: number; previous: number }[]>`
    WITH previous AS (
      SELECT COALESCE(
        (SELECT "count" FROM "RateLimitCounter"
          WHERE "key" = ${key} AND "windowStart" = ${iso(window.previousStart)}::timestamptz),
        0) AS n
    ), hit AS (
      INSERT INTO "RateLimitCounter" AS c ("key", "windowStart", "count", "expiresAt")
      VALUES (${key}, ${iso(window.currentStart)}::timestamptz, 1, ${iso(window.expiresAt)}::timestamptz)
      ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = c."count" + 1
      RETURNING c."count"
    )
    SELECT (SELECT "count" FROM hit) AS current, (SELECT n FROM previous) AS previous`;
  scheduleCleanup();
  const counts = { previous: Number(row!.previous), current: Number(row!.current) };
  const estimate = slidingEstimate(counts, window.previousWeight);
  return {
    allowed: estimate <= rule.limit + ESTIMATE_EPSILON,
    estimate,
    retryAfter: retryAfterSeconds(now, rule, counts),
    reservation: { key, windowStart: new Date(window.currentStart) },
  };
}

/** The counts as they stand, counting nothing. */
export async function peekRateLimit(rule: RateLimitRule, subject: string, now = Date.now()): Promise<Counts> {
  const key = fullKey(rule, subject);
  const window = slidingWindow(now, rule.windowMs);
  const rows = await db().$queryRaw<{ windowStart: Date; count: number }[]>`
    SELECT "windowStart", "count" FROM "RateLimitCounter"
     WHERE "key" = ${key}
       AND "windowStart" IN (${iso(window.previousStart)}::timestamptz, ${iso(window.currentStart)}::timestamptz)`;
  const countAt = (start: number) => Number(rows.find((row) => row.windowStart.getTime() === start)?.count ?? 0);
  return { previous: countAt(window.previousStart), current: countAt(window.currentStart) };
}

/** Gives back one event counted by `takeRateLimit`. */
export async function releaseRateLimit(reservation: Reservation): Promise<void> {
  await db().$executeRaw`
    UPDATE "RateLimitCounter" SET "count" = "count" - 1
     WHERE "key" = ${reservation.key} AND "windowStart" = ${reservation.windowStart.toISOString()}::timestamptz
       AND "count" > 0`;
}

/** Forgets every event of a subject under a rule. */
export async function resetRateLimit(rule: RateLimitRule, subject: string): Promise<void> {
  await db().$executeRaw`DELETE FROM "RateLimitCounter" WHERE "key" = ${fullKey(rule, subject)}`;
}

/** Deletes the counters that no longer count. Returns how many. */
export async function deleteExpiredRateLimits(now = new Date()): Promise<number> {
  return db().$executeRaw`DELETE FROM "RateLimitCounter" WHERE "expiresAt" < ${now.toISOString()}::timestamptz`;
}

const CLEANUP_EVERY_MS = 60_000;
let lastCleanup = 0;

/** Opportunistic cleanup: at most once a minute per process, off the request's path. */
function scheduleCleanup(): void {
  const now = Date.now();
  if (now - lastCleanup < CLEANUP_EVERY_MS) return;
  lastCleanup = now;
  deleteExpiredRateLimits(new Date(now)).catch((error: unknown) =>
    console.error('Could not delete expired rate-limit counters', error),
  );
}
