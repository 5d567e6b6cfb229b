import 'server-only';
import type { RateLimitRule } from '@/lib/security/rate-limit';

// Remembers, in this process, which rate-limit subjects were refused and until when (their
// Retry-After), so that a client hammering away after a refusal is answered 429 again without a
// database round trip, and without reading its request body. Postgres stays the only source of
// truth for counting: this only repeats a refusal Postgres already gave, and the sliding count
// can only fall below the limit when that time has passed. (The one exception, a slot given back
// by an attempt still in flight at the moment of the refusal, makes this process at most a
// little stricter until the Retry-After.)

const MAX_REMEMBERED = 10_000;
const refusedUntil = new Map<string, number>();
const keyOf = (rule: RateLimitRule, subject: string) => `${rule.name}:${subject}`;

/** Seconds this process still refuses `subject` under `rule` for, or 0. */
export function rememberedRefusal(rule: RateLimitRule, subject: string, now = Date.now()): number {
  const key = keyOf(rule, subject);
  const until = refusedUntil.get(key);
  if (until === undefined) return 0;
  if (until <= now) {
    refusedUntil.delete(key);
    return 0;
  }
  return Math.ceil((until - now) / 1000);
}

export function rememberRefusal(rule: RateLimitRule, subject: string, retryAfter: number, now = Date.now()): void {
  if (refusedUntil.size >= MAX_REMEMBERED) {
    for (const [key, until] of refusedUntil) if (until <= now) refusedUntil.delete(key);
    // Still full: forget the oldest (the database will refuse it again at its next attempt).
    if (refusedUntil.size >= MAX_REMEMBERED) refusedUntil.delete(refusedUntil.keys().next().value!);
  }
  refusedUntil.set(keyOf(rule, subject), now + retryAfter * 1000);
}

/** For tests, and for "another instance that has not seen the refusal yet". */
export function forgetRefusals(): void {
  refusedUntil.clear();
}
