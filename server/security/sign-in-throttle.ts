import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { RATE_LIMITS, signInDelayMs, withLimitSetting, type RateLimitRule } from '@/lib/security/rate-limit';
import { ZEmail } from '@/lib/validation/auth';
import {
  hitRateLimit,
  releaseRateLimit,
  resetRateLimit,
  takeRateLimit,
  type Reservation,
  type TakeResult,
} from './rate-limit-store';
import { rememberedRefusal, rememberRefusal } from './refusal-cache';

// Credential-stuffing defence for sign-in. Before a password is looked at, one slot is taken,
// atomically, from each of the client IP's attempts and the IP's failures (RATE_LIMITS); if
// either is used up the attempt is refused, and no hash is computed. The account's failures are
// counted too, but never refuse: they set a growing delay before the password check
// (signInDelayMs), so failing on purpose with someone's email cannot lock them out. Taking the
// slots up front (rather than counting failures afterwards) keeps the limits exact under
// concurrency, and makes parallel guesses at one account wait ever longer. The outcome then
// settles the slots: a failure keeps them; a success gives the IP's back and clears the
// account's; an attempt that never reached the password check (bad CSRF token) gives both back.
// A refusal is remembered in this process until its Retry-After (refusal-cache.ts), so the
// 990 refusals of a 1,000-guess attack mostly cost no database round trip at all.

export type SignInOutcome = 'success' | 'failure';

export type SignInAttempt = {
  readonly settled: boolean;
  /** How long to wait before checking the password (the account's recent failures). */
  readonly delayMs: number;
  settle(outcome: SignInOutcome): Promise<void>;
  /** The password was never checked: give back the failure slots. */
  cancel(): Promise<void>;
};

export type SignInDecision = { allowed: true; attempt: SignInAttempt } | { allowed: false; retryAfter: number };

/**
 * The account a sign-in names, as a rate-limit subject: the email normalised like sign-up does
 * (trimmed, lower-cased), hashed so that the table never holds what people type (sometimes a
 * password in the wrong field). Unknown emails count exactly like known ones.
 */
export function accountSubject(email: unknown): string {
  const text = typeof email === 'string' ? email : '';
  const parsed = ZEmail.safeParse(text);
  const normalised = parsed.success ? parsed.data : text.trim().toLowerCase();
  return createHash('sha256').update(normalised).digest('hex').slice(0, 32);
}

/**
 * Seconds this process already knows `ip` is refused for (from an earlier refusal), or 0:
 * lets the route answer 429 before even reading the request body.
 */
export function rememberedSignInRefusal(ip: string, now = Date.now()): number {
  const { attempts, failures } = ipRules();
  return Math.max(rememberedRefusal(attempts, ip, now), rememberedRefusal(failures, ip, now));
}

/**
 * The per-address sign-in rules; SIGN_IN_LIMIT_PER_IP raises the attempts per 15 minutes for a team
 * that signs in from one address (and the e2e server, whose whole suite comes from 127.0.0.1),
 * and the failures allowed with it in the same proportion as the defaults (1 in 10).
 */
function ipRules() {
  const attempts = withLimitSetting(RATE_LIMITS.signInIpAttempts, process.env.SIGN_IN_LIMIT_PER_IP);
  const scale = attempts.limit / RATE_LIMITS.signInIpAttempts.limit;
  const failures = { ...RATE_LIMITS.signInIpFailures, limit: Math.round(RATE_LIMITS.signInIpFailures.limit * scale) };
  return { attempts, failures: scale > 1 ? failures : RATE_LIMITS.signInIpFailures };
}

async function take(rule: RateLimitRule, subject: string, now: number): Promise<TakeResult> {
  const result = await takeRateLimit(rule, subject, now);
  if (!result.allowed) rememberRefusal(rule, subject, result.retryAfter, now);
  return result;
}

export async function beginSignIn(request: { ip: string; email: unknown }, now = Date.now()): Promise<SignInDecision> {
  const account = accountSubject(request.email);
  const remembered = rememberedSignInRefusal(request.ip, now);
  if (remembered) return { allowed: false, retryAfter: remembered };
  const rules = ipRules();
  const attempts = await take(rules.attempts, request.ip, now);
  if (!attempts.allowed) return attempts;
  const ipFailure = await take(rules.failures, request.ip, now);
  if (!ipFailure.allowed) return ipFailure;
  const accountFailure = await hitRateLimit(RATE_LIMITS.signInAccountFailures, account, now);
  // The estimate includes this attempt: the delay depends on the failures before it.
  const delayMs = signInDelayMs(accountFailure.estimate - 1);
  return { allowed: true, attempt: signInAttempt(account, ipFailure.reservation, accountFailure.reservation, delayMs) };
}

function signInAttempt(
  account: string,
  ipFailure: Reservation,
  accountFailure: Reservation,
  delayMs: number,
): SignInAttempt {
  let settled = false;
  const once = async (work: () => Promise<unknown>) => {
    if (settled) return;
    settled = true;
    await work();
  };
  return {
    get settled() {
      return settled;
    },
    delayMs,
    settle: (outcome) =>
      once(() =>
        outcome === 'failure'
          ? Promise.resolve()
          : Promise.all([releaseRateLimit(ipFailure), resetRateLimit(RATE_LIMITS.signInAccountFailures, account)]),
      ),
    cancel: () => once(() => Promise.all([releaseRateLimit(ipFailure), releaseRateLimit(accountFailure)])),
  };
}

const currentAttempt = new AsyncLocalStorage<SignInAttempt>();

/** Runs next-auth with the attempt that its `authorize` settles (see server/auth/auth-options.ts). */
export function runSignInAttempt<T>(attempt: SignInAttempt, work: () => Promise<T>): Promise<T> {
  return currentAttempt.run(attempt, work);
}

/** The attempt begun by the throttled sign-in route, if this call runs inside one. */
export function currentSignInAttempt(): SignInAttempt | undefined {
  return currentAttempt.getStore();
}
