// Rate limits for credential checks, and the sliding-window arithmetic behind them. Plain
// functions of numbers: the counters live in Postgres (server/security/rate-limit-store.ts),
// so every app instance shares them.
//
// Window design: each key has one counter per fixed window (aligned to multiples of the window
// length since the epoch). A request is judged on a sliding-window estimate built from the
// current and the previous window: previous × (share of the previous window still inside the
// trailing window) + current. That is the "sliding window counter" of Cloudflare and others: it
// costs one row per window, never lets a burst through at a window boundary the way a plain
// fixed window does (10 at 14:59 and 10 more at 15:00), and approximates "at most N in any
// trailing window" by assuming the previous window's hits were spread evenly.

const MINUTE = 60_000;

export type RateLimitRule = {
  /** Names the counter in keys and logs. */
  name: string;
  /** At most this many counted events in any trailing window (sliding estimate). */
  limit: number;
  windowMs: number;
};

/**
 * Every limit in one place. Sign-in (POST /api/auth/callback/credentials) is refused with 429
 * before any password hash is computed when a per-IP limit is used up; failures are what
 * counts, and a successful sign-in does not count (it also clears its account's failures).
 * An account's failures never refuse: they slow its next attempts (signInDelayMs), so that
 * anyone who knows a user's email cannot lock that user out by failing on purpose.
 */
export const RATE_LIMITS = {
  /**
   * Failed sign-ins per account (the normalised email, known or not: no enumeration). Counted,
   * never refused: the count sets the delay before the next attempt's password check.
   */
  signInAccountFailures: { name: 'sign-in-account', limit: 10, windowMs: 15 * MINUTE },
  /**
   * Failed sign-ins per client IP. As low as the account limit so that one client gets at most
   * 10 password guesses per 15 minutes whichever accounts it tries (credential stuffing spreads
   * guesses over many accounts); a team behind one NAT address shares it, hence the message
   * tells them when to retry rather than locking anything for good.
   */
  signInIpFailures: { name: 'sign-in-ip', limit: 10, windowMs: 15 * MINUTE },
  /** Every sign-in attempt per client IP, successful or not: a coarse cap on the work one IP can ask for. */
  signInIpAttempts: { name: 'sign-in-ip-all', limit: 100, windowMs: 15 * MINUTE },
  /** Requests with an invalid `Authorization: Bearer` token per client IP (token guessing). */
  bearerIpFailures: { name: 'bearer-ip', limit: 20, windowMs: 15 * MINUTE },
  /** API tokens created per account (POST /api/tokens). */
  tokenCreations: { name: 'token-create', limit: 20, windowMs: 15 * MINUTE },
  /**
   * Sign-ups per client IP, checked before the password is hashed: bounds the argon2 work one
   * client can ask for and how many addresses it can probe. A whole e2e suite from one address stays under it.
   */
  signUpIp: { name: 'sign-up-ip', limit: 30, windowMs: 60 * MINUTE },
  /** Sign-ups per address (hashed): each one mails that address, so few. */
  signUpAccount: { name: 'sign-up-account', limit: 3, windowMs: 60 * MINUTE },
  /** Password-reset requests per client IP and per address: each mails the address. */
  passwordResetIp: { name: 'password-reset-ip', limit: 10, windowMs: 60 * MINUTE },
  passwordResetAccount: { name: 'password-reset-account', limit: 3, windowMs: 60 * MINUTE },
  /** Password changes per account (each checks the current password with argon2). */
  passwordChanges: { name: 'password-change', limit: 10, windowMs: 15 * MINUTE },
  /** Verification mails asked for again, per account. */
  verificationMails: { name: 'verification-mail', limit: 3, windowMs: 60 * MINUTE },
} as const satisfies Record<string, RateLimitRule>;

/**
 * A per-address rule with its limit raised by an operator's setting (a whole newsroom behind one
 * NAT address, or a test suite that all comes from 127.0.0.1). Only a positive whole number
 * counts; anything else leaves the rule as it is.
 */
export function withLimitSetting<R extends RateLimitRule>(rule: R, setting: string | undefined): R {
  const limit = Number(setting);
  return Number.isInteger(limit) && limit > 0 ? { ...rule, limit } : rule;
}

/** How an account's recent failures slow its next sign-in attempt: free at first, then doubling. */
export const SIGN_IN_DELAY = { freeFailures: 3, firstDelayMs: 250, maxDelayMs: 8_000 } as const;

/**
 * Milliseconds to wait before checking the password of an attempt on an account that already has
 * `failures` failures in the window (attempts in flight included, so parallel guesses queue up
 * behind growing delays). The owner, who knows the password, gets in after at most maxDelayMs
 * however many guesses others made; a guesser gets at most one guess per maxDelayMs per
 * connection, and the per-IP limits bound the connections.
 */
export function signInDelayMs(failures: number): number {
  const over = Math.floor(failures) - SIGN_IN_DELAY.freeFailures;
  if (over < 0) return 0;
  return Math.min(SIGN_IN_DELAY.maxDelayMs, SIGN_IN_DELAY.firstDelayMs * 2 ** Math.min(over, 30));
}

/** The `error` next-auth's client reports for a refused sign-in (`?error=RateLimited`). */
export const SIGN_IN_RATE_LIMITED_ERROR = 'RateLimited';

export type SlidingWindow = {
  /** Start of the current fixed window, ms since the epoch. */
  currentStart: number;
  previousStart: number;
  /** Share of the previous window that still lies inside the trailing window, in (0, 1]. */
  previousWeight: number;
  /** When the current window's counter stops mattering (it is the "previous" one until then). */
  expiresAt: number;
};

export function slidingWindow(now: number, windowMs: number): SlidingWindow {
  const currentStart = Math.floor(now / windowMs) * windowMs;
  return {
    currentStart,
    previousStart: currentStart - windowMs,
    previousWeight: 1 - (now - currentStart) / windowMs,
    expiresAt: currentStart + 2 * windowMs,
  };
}

/** The sliding-window estimate of events in the trailing window. */
export function slidingEstimate(counts: { previous: number; current: number }, previousWeight: number): number {
  return counts.previous * previousWeight + counts.current;
}

/** Slack for floating-point error in the weighted estimate (30 × 0.3 is 9.000000000000002). */
export const ESTIMATE_EPSILON = 1e-9;

/** Whether one more event fits under the limit. */
export function allowsOneMore(
  counts: { previous: number; current: number },
  previousWeight: number,
  limit: number,
): boolean {
  return slidingEstimate(counts, previousWeight) + 1 <= limit + ESTIMATE_EPSILON;
}

/**
 * Whole seconds until one more event would fit, assuming nothing else is counted meanwhile
 * (what `Retry-After` says). At least 1.
 */
export function retryAfterSeconds(
  now: number,
  rule: Pick<RateLimitRule, 'limit' | 'windowMs'>,
  counts: { previous: number; current: number },
): number {
  const { windowMs, limit } = rule;
  const window = slidingWindow(now, windowMs);
  const elapsed = now - window.currentStart;
  let waitMs: number;
  const roomNow = limit - 1 - counts.current;
  if (roomNow >= 0 && (counts.previous === 0 || counts.previous * window.previousWeight <= roomNow)) {
    waitMs = 0;
  } else if (roomNow >= 0 && counts.previous > 0) {
    // The previous window's weight falls linearly to 0 at the end of this window.
    waitMs = windowMs * (1 - roomNow / counts.previous) - elapsed;
  } else {
    // Only the next window can make room: this window's count becomes its fading "previous".
    const fadeMs = counts.current > 0 ? Math.max(0, windowMs * (1 - (limit - 1) / counts.current)) : 0;
    waitMs = windowMs - elapsed + fadeMs;
  }
  return Math.max(1, Math.ceil(waitMs / 1000));
}

/** "Too many sign-in attempts. Try again in 3 minutes." */
export function tryAgainMessage(subject: string, retryAfter: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfter / 60));
  return `${subject} Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}
