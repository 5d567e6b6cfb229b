import 'server-only';
import { NextResponse } from 'next/server';
import { AppError, isAppError } from '@/lib/errors';
import { SIGN_IN_RATE_LIMITED_ERROR, tryAgainMessage } from '@/lib/security/rate-limit';
import { clientIpFromHeaders } from '@/lib/security/rate-limit-client-ip';
import { readLimitedBody } from '../http/read-limited-body';
import { requestOrigin } from '../http/request-origin';
import { beginSignIn, rememberedSignInRefusal, runSignInAttempt } from '../security/sign-in-throttle';
import { SIGN_IN_PATH } from './auth-options';

type RouteHandler<C> = (request: Request, context: C) => Promise<Response>;

/** Email, password, CSRF token and callback URL fit easily; next-auth would read any size. */
const MAX_SIGN_IN_BODY = 64 * 1024;

const isCredentialsSignIn = (request: Request) =>
  request.method === 'POST' && new URL(request.url).pathname.endsWith('/callback/credentials');

/** The email of a sign-in body, parsed the way next-auth parses it (JSON or a form). */
async function signInEmail(request: Request): Promise<unknown> {
  const text = new TextDecoder().decode(await readLimitedBody(request, MAX_SIGN_IN_BODY));
  const type = request.headers.get('content-type') ?? '';
  if (type.includes('application/json')) {
    try {
      return (JSON.parse(text) as { email?: unknown } | null)?.email;
    } catch {
      return undefined;
    }
  }
  if (type.includes('application/x-www-form-urlencoded')) {
    const form = new URLSearchParams(text);
    // next-auth keeps the last of repeated fields; a limit counting the first could be charged
    // to a throw-away address while the password is tried on another.
    if (form.getAll('email').length > 1) {
      throw new AppError('INVALID_INPUT', { userMessage: 'Send one email address.' });
    }
    return form.get('email');
  }
  return undefined;
}

/**
 * The answer next-auth's client can read: `signIn()` parses `url` (and throws without one), and
 * reports `error=RateLimited` with status 429, which the sign-in form turns into its message.
 */
function refusal(request: Request, status: number, code: string, message: string, headers: HeadersInit = {}) {
  const url = new URL(SIGN_IN_PATH, requestOrigin(request));
  url.searchParams.set('error', code === 'RATE_LIMITED' ? SIGN_IN_RATE_LIMITED_ERROR : code);
  return NextResponse.json(
    { error: { code, message }, url: url.toString() },
    { status, headers: { 'Cache-Control': 'no-store', ...headers } },
  );
}

function rateLimited(request: Request, retryAfter: number) {
  const message = tryAgainMessage('Too many sign-in attempts.', retryAfter);
  return refusal(request, 429, 'RATE_LIMITED', message, { 'Retry-After': String(retryAfter) });
}

/**
 * Wraps next-auth's POST handler: a credentials sign-in is first checked against the rate limits
 * (server/security/sign-in-throttle.ts) and, when refused, answered 429 with `Retry-After`
 * without calling next-auth, so no password hash is computed. Otherwise next-auth runs with the
 * attempt, which `authorize` settles as a success or a failure.
 */
export function throttledSignIn<C>(handler: RouteHandler<C>): RouteHandler<C> {
  return async (request, context) => {
    if (!isCredentialsSignIn(request)) return handler(request, context);
    const ip = clientIpFromHeaders(request.headers, process.env.TRUST_PROXY);
    const remembered = rememberedSignInRefusal(ip);
    if (remembered) return rateLimited(request, remembered);
    let email: unknown;
    try {
      email = await signInEmail(request.clone());
    } catch (error) {
      if (isAppError(error)) return refusal(request, error.status, error.code, error.userMessage);
      throw error;
    }
    const decision = await beginSignIn({ ip, email }).catch((error: unknown) => {
      console.error('Sign-in rate limit unavailable', error);
      return null;
    });
    if (!decision) {
      return refusal(request, 503, 'UNAVAILABLE', 'Signing in is unavailable right now. Please try again shortly.', {
        'Retry-After': '5',
      });
    }
    if (!decision.allowed) return rateLimited(request, decision.retryAfter);
    const { attempt } = decision;
    try {
      return await runSignInAttempt(attempt, () => handler(request, context));
    } finally {
      // next-auth refused before `authorize` (e.g. a missing CSRF token): no password was checked.
      if (!attempt.settled) await attempt.cancel().catch((error: unknown) => console.error(error));
    }
  };
}
