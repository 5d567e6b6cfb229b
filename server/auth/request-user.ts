import 'server-only';
import { AppError, isAppError } from '@/lib/errors';
import { clientIpFromHeaders } from '@/lib/security/rate-limit-client-ip';
import { db } from '../db';
import { bearerRetryAfter, recordBearerFailure } from '../security/bearer-throttle';
import { rateLimitedError } from '../security/enforce-rate-limit';
import { hashApiToken, TOKEN_PREFIX } from './api-tokens';
import { noteRequestUser } from '../log/request-context';
import { getSessionUser, type SessionUser } from './session';

/** `tokenId`: the personal token the request came with, so a long-lived stream can re-check it. */
export type RequestUser = SessionUser & { via: 'session' | 'token'; tokenId?: string };

type TokenUser = SessionUser & { tokenId: string };

const unauthenticated = () => new AppError('UNAUTHENTICATED', { userMessage: 'Sign in, or send a valid API token.' });
const tooManyBadTokens = (retryAfter: number) =>
  rateLimitedError('Too many requests with an invalid API token from your address.', retryAfter);

async function userForToken(token: string): Promise<TokenUser | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const found = await db().apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: { id: true, revokedAt: true, lastUsedAt: true, user: { select: { id: true, email: true, name: true } } },
  });
  if (!found || found.revokedAt) return null;
  // Recording use at most once a minute keeps a busy client from writing on every request.
  if (!found.lastUsedAt || Date.now() - found.lastUsedAt.getTime() > 60_000) {
    await db().apiToken.update({ where: { id: found.id }, data: { lastUsedAt: new Date() } });
  }
  return { ...found.user, tokenId: found.id };
}

async function authenticateToken(request: Request, authorization: string): Promise<TokenUser> {
  const [scheme, token] = authorization.split(' ');
  const user = scheme?.toLowerCase() === 'bearer' && token ? await userForToken(token.trim()) : null;
  if (user) {
    noteRequestUser(user.id);
    return user;
  }
  // Token guessing is rate-limited per client IP (server/security/bearer-throttle.ts). Only
  // failures are refused: a valid token is never turned away because other callers from the
  // same address (a NAT, a forged header) failed, and with 256-bit tokens answering a
  // blocked guess 429 rather than 401 reveals nothing.
  const ip = clientIpFromHeaders(request.headers, process.env.TRUST_PROXY);
  const blockedFor = bearerRetryAfter(ip);
  if (blockedFor) throw tooManyBadTokens(blockedFor);
  const retryAfter = await recordBearerFailure(ip);
  throw retryAfter ? tooManyBadTokens(retryAfter) : unauthenticated();
}

// One lookup per request: the CSRF check (server/http/json-route.ts) and the handler both ask.
const tokenAuthentications = new WeakMap<Request, Promise<TokenUser>>();

/** The token's user; throws 401 (or 429) for a missing, unknown or revoked token. */
export function requestTokenUser(request: Request): Promise<TokenUser> {
  let pending = tokenAuthentications.get(request);
  if (!pending) {
    pending = authenticateToken(request, request.headers.get('authorization') ?? '');
    tokenAuthentications.set(request, pending);
  }
  return pending;
}

/** True once the request's Bearer token was checked and found valid. */
export async function isTokenAuthenticated(request: Request): Promise<boolean> {
  if (!request.headers.get('authorization')) return false;
  // Only a refused token is "not authenticated"; a database outage must surface as itself (503),
  // not as a cross-site refusal (403) that tells clients not to retry.
  return requestTokenUser(request).then(
    () => true,
    (error: unknown) => {
      if (isAppError(error)) return false;
      throw error;
    },
  );
}

/**
 * For API routes: a personal access token (`Authorization: Bearer …`) or the session cookie,
 * never both: a request that carries an Authorization header is judged by it alone.
 */
export async function requireRequestUser(request: Request): Promise<RequestUser> {
  if (request.headers.get('authorization')) return { ...(await requestTokenUser(request)), via: 'token' };
  const user = await getSessionUser();
  if (!user) throw unauthenticated();
  noteRequestUser(user.id);
  return { ...user, via: 'session' };
}
