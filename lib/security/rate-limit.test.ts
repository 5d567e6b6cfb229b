import { describe, expect, it } from 'vitest';
import {
  allowsOneMore,
  RATE_LIMITS,
  retryAfterSeconds,
  SIGN_IN_DELAY,
  signInDelayMs,
  slidingEstimate,
  slidingWindow,
  tryAgainMessage,
  withLimitSetting,
} from './rate-limit';

const MINUTE = 60_000;
const WINDOW = 15 * MINUTE;
const rule = { limit: 10, windowMs: WINDOW };
/** A time `minutes` into some fixed window. */
const at = (minutes: number) => 1000 * WINDOW + minutes * MINUTE;

describe('slidingWindow', () => {
  it('aligns windows to multiples of their length and weighs the previous one by what is left of it', () => {
    const window = slidingWindow(at(5), WINDOW);
    expect(window.currentStart).toBe(at(0));
    expect(window.previousStart).toBe(at(-15));
    expect(window.previousWeight).toBeCloseTo(10 / 15);
    expect(window.expiresAt).toBe(at(30));
    expect(slidingWindow(at(0), WINDOW).previousWeight).toBe(1);
  });
});

describe('sliding estimate', () => {
  it('counts the previous window in proportion to its overlap with the trailing window', () => {
    expect(slidingEstimate({ previous: 9, current: 2 }, 1 / 3)).toBe(5);
  });

  it('lets the limit through and refuses one more', () => {
    expect(allowsOneMore({ previous: 0, current: 9 }, 1, 10)).toBe(true);
    expect(allowsOneMore({ previous: 0, current: 10 }, 1, 10)).toBe(false);
  });

  it('gives no second burst right after a window boundary', () => {
    // 10 failures at 14:59 of one window: at 0:01 of the next, the estimate is still ~10.
    const next = slidingWindow(at(15) + 1000, WINDOW);
    expect(allowsOneMore({ previous: 10, current: 0 }, next.previousWeight, 10)).toBe(false);
    // A tenth of the window later, one more fits.
    const later = slidingWindow(at(15) + WINDOW / 10, WINDOW);
    expect(allowsOneMore({ previous: 10, current: 0 }, later.previousWeight, 10)).toBe(true);
  });
});

describe('retryAfterSeconds', () => {
  it('is 1 when there is room already', () => {
    expect(retryAfterSeconds(at(3), rule, { previous: 0, current: 3 })).toBe(1);
  });

  it('waits for the next window when this one is full, then for the full count to fade enough', () => {
    // 10 in the current window, 5 minutes in: 10 minutes to the boundary, then a tenth of a window.
    expect(retryAfterSeconds(at(5), rule, { previous: 0, current: 10 })).toBe(10 * 60 + 90);
  });

  it('waits for the previous window to fade when the current one has room', () => {
    // previous 10, current 0, 3 minutes in: weight 0.8 → estimate 8, and 8 + 1 <= 10 fits.
    expect(retryAfterSeconds(at(3), rule, { previous: 10, current: 0 })).toBe(1);
    // previous 10, current 5: need 10 × (1 - e/15) <= 4 → e >= 9 minutes; at 3 minutes in, wait 6.
    expect(retryAfterSeconds(at(3), rule, { previous: 10, current: 5 })).toBe(6 * 60);
  });

  it('matches the estimate: after the wait one more is allowed, a second earlier it is not', () => {
    for (const [now, counts] of [
      [at(5), { previous: 0, current: 10 }],
      [at(3), { previous: 10, current: 5 }],
      [at(14), { previous: 7, current: 9 }],
      [at(1), { previous: 30, current: 0 }],
    ] as const) {
      const wait = retryAfterSeconds(now, rule, counts) * 1000;
      const estimateAt = (t: number) => {
        const window = slidingWindow(t, WINDOW);
        const moved = window.currentStart !== slidingWindow(now, WINDOW).currentStart;
        const seen = moved ? { previous: counts.current, current: 0 } : counts;
        return allowsOneMore(seen, window.previousWeight, rule.limit);
      };
      expect(estimateAt(now + wait)).toBe(true);
      expect(estimateAt(now + wait - 1500)).toBe(false);
    }
  });
});

describe('RATE_LIMITS', () => {
  it('caps one client at 10 guessed passwords per 15 minutes, whichever accounts it tries', () => {
    expect(RATE_LIMITS.signInAccountFailures).toMatchObject({ limit: 10, windowMs: WINDOW });
    expect(RATE_LIMITS.signInIpFailures.limit).toBeLessThanOrEqual(10);
    expect(RATE_LIMITS.bearerIpFailures.limit).toBe(20);
  });
});

describe('tryAgainMessage', () => {
  it('rounds up to whole minutes', () => {
    expect(tryAgainMessage('Too many sign-in attempts.', 1)).toBe('Too many sign-in attempts. Try again in 1 minute.');
    expect(tryAgainMessage('Too many sign-in attempts.', 61)).toBe(
      'Too many sign-in attempts. Try again in 2 minutes.',
    );
  });
});

describe('signInDelayMs', () => {
  it('is free for the first failures, then doubles up to its cap', () => {
    const delays = Array.from({ length: 12 }, (_, failures) => signInDelayMs(failures));
    expect(delays).toEqual([0, 0, 0, 250, 500, 1000, 2000, 4000, 8000, 8000, 8000, 8000]);
    expect(signInDelayMs(10_000)).toBe(SIGN_IN_DELAY.maxDelayMs);
  });
});

describe('withLimitSetting', () => {
  it('raises a rule to a positive whole-number setting and ignores anything else', () => {
    const rule = RATE_LIMITS.signInIpAttempts;
    expect(withLimitSetting(rule, '5000')).toEqual({ ...rule, limit: 5000 });
    for (const setting of [undefined, '', '0', '-3', '2.5', 'lots']) expect(withLimitSetting(rule, setting)).toBe(rule);
  });
});
