import 'server-only';
import { AppError } from '@/lib/errors';
import { tryAgainMessage, type RateLimitRule } from '@/lib/security/rate-limit';
import { takeRateLimit } from './rate-limit-store';

/** A 429 with `Retry-After` (jsonRoute copies the header onto the response). */
export function rateLimitedError(subject: string, retryAfter: number): AppError {
  return new AppError('RATE_LIMITED', {
    userMessage: tryAgainMessage(subject, retryAfter),
    headers: { 'Retry-After': String(retryAfter) },
  });
}

/** Counts one event for `subject` under `rule`, or throws a 429 when the limit is used up. */
export async function enforceRateLimit(rule: RateLimitRule, subject: string, message: string): Promise<void> {
  const result = await takeRateLimit(rule, subject);
  if (!result.allowed) throw rateLimitedError(message, result.retryAfter);
}
