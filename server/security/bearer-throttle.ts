import 'server-only';
import { RATE_LIMITS } from '@/lib/security/rate-limit';
import { hitRateLimit } from './rate-limit-store';
import { rememberedRefusal, rememberRefusal } from './refusal-cache';

// Token guessing: requests with an invalid `Authorization: Bearer` token are counted per client
// IP in Postgres (shared by all instances). Past the limit the IP's invalid tokens get 429
// instead of 401; a valid token is always served (server/auth/request-user.ts), so callers
// failing from a shared or forged address cannot lock a token's owner out. A request with a
// valid token costs nothing extra: the shared count is only written on a failure, and an IP
// found over the limit is remembered in this process until its Retry-After (refusal-cache.ts).
// Another instance learns of the block at that IP's next failure there, so across n instances
// at most n more guesses (plus those in flight) are looked up: immaterial for 256-bit tokens.

const rule = RATE_LIMITS.bearerIpFailures;

/** Seconds this process still refuses Bearer requests from `ip`, or 0. */
export function bearerRetryAfter(ip: string, now = Date.now()): number {
  return rememberedRefusal(rule, ip, now);
}

/** Counts an invalid token from `ip`; returns the seconds to refuse it for when it is now over the limit, else 0. */
export async function recordBearerFailure(ip: string, now = Date.now()): Promise<number> {
  const result = await hitRateLimit(rule, ip, now);
  if (result.allowed) return 0;
  rememberRefusal(rule, ip, result.retryAfter, now);
  return result.retryAfter;
}
