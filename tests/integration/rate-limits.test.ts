import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { RATE_LIMITS, SIGN_IN_DELAY, signInDelayMs, type RateLimitRule } from '@/lib/security/rate-limit';
import { ensureUser } from '@/prisma/seed/seed-demo';
import { createApiToken } from '@/server/data/tokens/api-tokens';
import { DUMMY_PASSWORD_HASH, PASSWORD_HASH_PARAMETERS } from '@/server/auth/password';
import { requireRequestUser } from '@/server/auth/request-user';
import { throttledSignIn } from '@/server/auth/throttled-sign-in';
import { db } from '@/server/db';
import { bearerRetryAfter, recordBearerFailure } from '@/server/security/bearer-throttle';
import {
  deleteExpiredRateLimits,
  hitRateLimit,
  peekRateLimit,
  releaseRateLimit,
  takeRateLimit,
} from '@/server/security/rate-limit-store';
import { forgetRefusals } from '@/server/security/refusal-cache';
import { accountSubject, beginSignIn, currentSignInAttempt } from '@/server/security/sign-in-throttle';

const MINUTE = 60_000;
const WINDOW = 15 * MINUTE;
// Far in the future, so the app's opportunistic cleanup (real clock) never deletes these rows.
const T0 = Math.ceil(Date.UTC(2100, 0, 1) / WINDOW) * WINDOW;
const rule = (limit: number): RateLimitRule => ({ name: `test-${randomUUID().slice(0, 8)}`, limit, windowMs: WINDOW });
const subject = () => randomUUID();
const ip = () => `198.51.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}-${randomUUID()}`;

async function storedCount(key: string, windowStart: number): Promise<number | undefined> {
  const row = await db().rateLimitCounter.findUnique({
    where: { key_windowStart: { key, windowStart: new Date(windowStart) } },
  });
  return row?.count;
}

describe('rate-limit store', () => {
  it('counts 50 parallel increments exactly', async () => {
    const unlimited = rule(1_000);
    const who = subject();
    const [takes, hits] = await Promise.all([
      Promise.all(Array.from({ length: 50 }, () => takeRateLimit(unlimited, who, T0 + 1000))),
      Promise.all(Array.from({ length: 50 }, () => hitRateLimit(unlimited, `${who}-hits`, T0 + 1000))),
    ]);
    expect(takes.every((take) => take.allowed)).toBe(true);
    expect(hits.every((hit) => hit.allowed)).toBe(true);
    expect(await storedCount(`${unlimited.name}:${who}`, T0)).toBe(50);
    expect(await storedCount(`${unlimited.name}:${who}-hits`, T0)).toBe(50);
    expect(Math.max(...hits.map((hit) => hit.estimate))).toBe(50);
  });

  it('lets exactly the limit through 50 parallel takes, and refuses the rest with Retry-After', async () => {
    const ten = rule(10);
    const who = subject();
    const results = await Promise.all(Array.from({ length: 50 }, () => takeRateLimit(ten, who, T0 + 5 * MINUTE)));
    expect(results.filter((result) => result.allowed)).toHaveLength(10);
    expect(await storedCount(`${ten.name}:${who}`, T0)).toBe(10);
    const refused = results.find((result) => !result.allowed);
    // Full at 5 minutes in: 10 minutes to the boundary, then a tenth of the window to fade.
    expect(refused).toEqual({ allowed: false, retryAfter: 10 * 60 + 90 });
  });

  it('slides: no fresh burst at the window boundary, room again once the old window fades', async () => {
    const ten = rule(10);
    const who = subject();
    for (let i = 0; i < 10; i++) expect((await takeRateLimit(ten, who, T0 + 14 * MINUTE)).allowed).toBe(true);
    expect(await takeRateLimit(ten, who, T0 + 14 * MINUTE)).toMatchObject({ allowed: false });
    // Just after the boundary the previous window still weighs ~10.
    expect(await takeRateLimit(ten, who, T0 + WINDOW + 1000)).toMatchObject({ allowed: false });
    // A tenth of the next window later (weight 0.9 → estimate 9), one more fits, then not two.
    expect((await takeRateLimit(ten, who, T0 + WINDOW + 90_000)).allowed).toBe(true);
    expect((await takeRateLimit(ten, who, T0 + WINDOW + 90_000)).allowed).toBe(false);
    // Two windows on, the old counts have expired entirely.
    const later = await Promise.all(Array.from({ length: 12 }, () => takeRateLimit(ten, who, T0 + 3 * WINDOW)));
    expect(later.filter((result) => result.allowed)).toHaveLength(10);
  });

  it('is allowed again exactly when Retry-After says', async () => {
    const three = rule(3);
    const who = subject();
    for (let i = 0; i < 3; i++) await takeRateLimit(three, who, T0 + 2 * MINUTE);
    const refused = await takeRateLimit(three, who, T0 + 2 * MINUTE);
    if (refused.allowed) throw new Error('expected a refusal');
    const retryAt = T0 + 2 * MINUTE + refused.retryAfter * 1000;
    expect((await takeRateLimit(three, who, retryAt - 2000)).allowed).toBe(false);
    expect((await takeRateLimit(three, who, retryAt)).allowed).toBe(true);
  });

  it('gives a slot back on release, and deletes expired counters', async () => {
    const two = rule(2);
    const who = subject();
    const first = await takeRateLimit(two, who, T0);
    await takeRateLimit(two, who, T0);
    expect((await takeRateLimit(two, who, T0)).allowed).toBe(false);
    if (!first.allowed) throw new Error('expected a slot');
    await releaseRateLimit(first.reservation);
    expect(await peekRateLimit(two, who, T0)).toEqual({ previous: 0, current: 1 });
    expect((await takeRateLimit(two, who, T0)).allowed).toBe(true);

    expect(await deleteExpiredRateLimits(new Date(T0 + 2 * WINDOW - 1))).toBeGreaterThanOrEqual(0);
    expect(await storedCount(`${two.name}:${who}`, T0)).toBe(2);
    expect(await deleteExpiredRateLimits(new Date(T0 + 2 * WINDOW + 1))).toBeGreaterThan(0);
    expect(await storedCount(`${two.name}:${who}`, T0)).toBeUndefined();
  });
});

describe('sign-in throttle', () => {
  const now = T0 + 20 * WINDOW + MINUTE;

  it('never locks an account: after 10 failures from others the owner still gets in, after a bounded delay', async () => {
    const email = `Victim-${randomUUID().slice(0, 8)}@Example.test`;
    const spellings = [email, email.toLowerCase(), `  ${email.toUpperCase()} `];
    const delays: number[] = [];
    for (let i = 0; i < 10; i++) {
      const decision = await beginSignIn({ ip: ip(), email: spellings[i % 3] }, now);
      if (!decision.allowed) throw new Error(`attempt ${i + 1} refused`);
      delays.push(decision.attempt.delayMs);
      await decision.attempt.settle('failure');
    }
    // The failures count for the account however the email is written: each waits longer.
    expect(delays).toEqual(Array.from({ length: 10 }, (_, failures) => signInDelayMs(failures)));
    const owner = await beginSignIn({ ip: ip(), email }, now);
    if (!owner.allowed) throw new Error('the owner was locked out');
    expect(owner.attempt.delayMs).toBe(SIGN_IN_DELAY.maxDelayMs);
    await owner.attempt.settle('success');
    // Signing in clears the account's failures; other accounts were never slowed.
    const after = await beginSignIn({ ip: ip(), email }, now);
    expect(after.allowed && after.attempt.delayMs).toBe(0);
    const other = await beginSignIn({ ip: ip(), email: `other-${email}` }, now);
    expect(other.allowed && other.attempt.delayMs).toBe(0);
  });

  it('refuses the 11th failure from one IP, whichever accounts it tries, without charging the account', async () => {
    const client = ip();
    for (let i = 0; i < 10; i++) {
      const decision = await beginSignIn({ ip: client, email: `guess-${i}-${randomUUID()}@example.test` }, now);
      if (!decision.allowed) throw new Error(`attempt ${i + 1} refused`);
      await decision.attempt.settle('failure');
    }
    const account = `fresh-${randomUUID()}@example.test`;
    expect(await beginSignIn({ ip: client, email: account }, now)).toMatchObject({ allowed: false });
    expect(await peekRateLimit(RATE_LIMITS.signInAccountFailures, accountSubject(account), now)).toEqual({
      previous: 0,
      current: 0,
    });
    // The refusal is remembered: the next attempts are refused without a database write…
    const attempts = await peekRateLimit(RATE_LIMITS.signInIpAttempts, client, now);
    expect(await beginSignIn({ ip: client, email: account }, now + 1000)).toMatchObject({ allowed: false });
    expect(await peekRateLimit(RATE_LIMITS.signInIpAttempts, client, now)).toEqual(attempts);
    // …and by another process (that has not seen it) after one.
    forgetRefusals();
    expect(await beginSignIn({ ip: client, email: account }, now + 1000)).toMatchObject({ allowed: false });
  });

  it('makes 50 parallel guesses at one account queue behind growing delays', async () => {
    const email = `parallel-${randomUUID()}@example.test`;
    const decisions = await Promise.all(Array.from({ length: 50 }, () => beginSignIn({ ip: ip(), email }, now)));
    const delays = decisions
      .map((decision) => (decision.allowed ? decision.attempt.delayMs : -1))
      .sort((a, b) => a - b);
    expect(delays).toEqual(Array.from({ length: 50 }, (_, failures) => signInDelayMs(failures)));
  });

  it('does not count a success, and a success clears the account', async () => {
    const client = ip();
    const email = `forgetful-${randomUUID()}@example.test`;
    for (let i = 0; i < 9; i++) {
      const decision = await beginSignIn({ ip: client, email }, now);
      if (!decision.allowed) throw new Error('refused');
      await decision.attempt.settle('failure');
    }
    const success = await beginSignIn({ ip: client, email }, now);
    if (!success.allowed) throw new Error('refused');
    await success.attempt.settle('success');
    expect(await peekRateLimit(RATE_LIMITS.signInAccountFailures, accountSubject(email), now)).toEqual({
      previous: 0,
      current: 0,
    });
    expect(await peekRateLimit(RATE_LIMITS.signInIpFailures, client, now)).toEqual({ previous: 0, current: 9 });
  });

  it('gives both failure slots back when the password was never checked', async () => {
    const client = ip();
    const email = `csrf-${randomUUID()}@example.test`;
    const decision = await beginSignIn({ ip: client, email }, now);
    if (!decision.allowed) throw new Error('refused');
    await decision.attempt.cancel();
    expect(await peekRateLimit(RATE_LIMITS.signInIpFailures, client, now)).toEqual({ previous: 0, current: 0 });
    expect(await peekRateLimit(RATE_LIMITS.signInAccountFailures, accountSubject(email), now)).toEqual({
      previous: 0,
      current: 0,
    });
    expect(await peekRateLimit(RATE_LIMITS.signInIpAttempts, client, now)).toEqual({ previous: 0, current: 1 });
  });

  it('caps all attempts from one IP, successful ones included', async () => {
    const client = ip();
    for (let i = 0; i < RATE_LIMITS.signInIpAttempts.limit; i++) {
      const decision = await beginSignIn({ ip: client, email: `user-${i}@example.test` }, now);
      if (!decision.allowed) throw new Error(`attempt ${i + 1} refused`);
      await decision.attempt.settle('success');
    }
    expect(await beginSignIn({ ip: client, email: 'user-0@example.test' }, now)).toMatchObject({ allowed: false });
  });
});

describe('the sign-in route', () => {
  const signInRequest = (email: string, client: string) =>
    new Request('http://localhost/api/auth/callback/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': client },
      body: new URLSearchParams({ email, password: 'wrong password', csrfToken: 'x', json: 'true' }),
    });
  const context = { params: Promise.resolve({ nextauth: ['callback', 'credentials'] }) };

  it('answers 429 with Retry-After without calling next-auth once the address is used up', async () => {
    const client = `192.0.2.${Math.floor(Math.random() * 250) + 1}`;
    let calls = 0;
    // Stands in for next-auth: its authorize settles the attempt as a failure.
    const nextAuth = throttledSignIn(async () => {
      calls++;
      await currentSignInAttempt()!.settle('failure');
      return Response.json({ url: 'http://localhost/signin?error=CredentialsSignin' }, { status: 401 });
    });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push((await nextAuth(signInRequest(`route-${i}-${randomUUID()}@example.test`, client), context)).status);
    expect(statuses).toEqual([...Array(10).fill(401), 429, 429]);
    expect(calls).toBe(10);

    const refused = await nextAuth(signInRequest(`route-${randomUUID()}@example.test`, client), context);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await refused.json()) as { error: { code: string; message: string }; url: string };
    expect(body.error.code).toBe('RATE_LIMITED');
    expect(body.error.message).toMatch(/^Too many sign-in attempts\. Try again in \d+ minutes?\.$/);
    expect(new URL(body.url).searchParams.get('error')).toBe('RateLimited');
  });

  it('lets the owner through after 10 wrong passwords for their email from other addresses', async () => {
    const email = `owner-${randomUUID()}@example.test`;
    const delays: number[] = [];
    const nextAuth = throttledSignIn(async (request: Request) => {
      const attempt = currentSignInAttempt()!;
      delays.push(attempt.delayMs);
      const right = new URLSearchParams(await request.text()).get('password') === 'right password';
      await attempt.settle(right ? 'success' : 'failure');
      return Response.json({ url: 'http://localhost/' }, { status: right ? 200 : 401 });
    });
    for (let i = 0; i < 10; i++) {
      expect((await nextAuth(signInRequest(email, `198.51.100.${i + 1}`), context)).status).toBe(401);
    }
    const owner = new Request('http://localhost/api/auth/callback/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '203.0.113.9' },
      body: new URLSearchParams({ email, password: 'right password', csrfToken: 'x', json: 'true' }),
    });
    expect((await nextAuth(owner, context)).status).toBe(200);
    expect(delays.at(-1)).toBe(SIGN_IN_DELAY.maxDelayMs);
  });

  it('refuses a form with two emails, which next-auth would read differently from the limit', async () => {
    let calls = 0;
    const nextAuth = throttledSignIn(async () => {
      calls++;
      return Response.json({ url: 'http://localhost/signin' });
    });
    const body = new URLSearchParams({
      email: `decoy-${randomUUID()}@example.test`,
      password: 'guess',
      csrfToken: 'x',
    });
    body.append('email', 'victim@example.test');
    const response = await nextAuth(
      new Request('http://localhost/api/auth/callback/credentials', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '192.0.2.77' },
        body,
      }),
      context,
    );
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe('Send one email address.');
    expect(calls).toBe(0);
  });

  it('gives the slots back when next-auth never reached authorize, and passes other POSTs through', async () => {
    const client = `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const csrfFailure = throttledSignIn(async () => Response.json({ url: 'http://localhost/signin?csrf=true' }));
    for (let i = 0; i < 15; i++) await csrfFailure(signInRequest(`nobody-${i}@example.test`, client), context);
    expect(await peekRateLimit(RATE_LIMITS.signInIpFailures, client)).toEqual({ previous: 0, current: 0 });

    const signOut = throttledSignIn(async () => new Response(null, { status: 302 }));
    const response = await signOut(new Request('http://localhost/api/auth/signout', { method: 'POST' }), context);
    expect(response.status).toBe(302);
  });
});

describe('invalid API tokens', () => {
  it('count per IP: 20 are answered 401, then 429 with Retry-After; a valid token from that IP is still served', async () => {
    forgetRefusals();
    const client = `203.0.113.${Math.floor(Math.random() * 250) + 1}`;
    const bearer = (token: string) =>
      new Request('http://localhost/api/workspaces', {
        headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': client },
      });
    const errors: AppError[] = [];
    for (let i = 0; i < 21; i++) {
      errors.push(
        await requireRequestUser(bearer(`mrg_guess${i}${randomUUID()}`)).then(
          () => null as never,
          (e) => e,
        ),
      );
    }
    expect(errors.slice(0, 20).map((error) => error.status)).toEqual(Array(20).fill(401));
    expect(errors[20]!.status).toBe(429);
    expect(Number(errors[20]!.headers?.['Retry-After'])).toBeGreaterThan(0);
    expect(bearerRetryAfter(client)).toBeGreaterThan(0);
    const next = await requireRequestUser(bearer('mrg_anything')).catch((e: AppError) => e);
    expect((next as AppError).code).toBe('RATE_LIMITED');
    // The victim's own token, sent from the address the guesser used (or forged), still works.
    const victim = await ensureUser(db(), {
      email: `token-owner-${randomUUID()}@example.test`,
      password: 'unused-password',
      name: 'Owner',
    });
    const { token } = await createApiToken({ userId: victim.id, name: 'victim' });
    expect(await requireRequestUser(bearer(token))).toMatchObject({ id: victim.id, via: 'token' });
    // Another IP is unaffected.
    const other = await requireRequestUser(
      new Request('http://localhost/api/workspaces', {
        headers: { authorization: 'Bearer mrg_x', 'x-forwarded-for': '203.0.113.254' },
      }),
    ).catch((e: AppError) => e);
    expect((other as AppError).status).toBe(401);
    forgetRefusals();
  });

  it('counts across instances: a process that has not seen the block learns it at the next failure', async () => {
    forgetRefusals();
    const client = `bearer-${randomUUID()}`;
    for (let i = 0; i < RATE_LIMITS.bearerIpFailures.limit; i++) expect(await recordBearerFailure(client)).toBe(0);
    forgetRefusals(); // as if the next request reached another instance
    expect(bearerRetryAfter(client)).toBe(0);
    expect(await recordBearerFailure(client)).toBeGreaterThan(0);
    expect(bearerRetryAfter(client)).toBeGreaterThan(0);
    forgetRefusals();
  });
});

describe('the dummy password hash', () => {
  it('uses the same argon2id parameters as real hashes, so an unknown email costs the same', () => {
    expect(DUMMY_PASSWORD_HASH.startsWith(PASSWORD_HASH_PARAMETERS)).toBe(true);
  });
});
