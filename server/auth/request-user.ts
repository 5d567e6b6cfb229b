import 'server-only';
import { AppError } from '@/lib/errors';
import { clientIpFromHeaders } from '@/lib/security/rate-limit-client-ip';
import { db } from '../db';
import { bearerRetryAfter, recordBearerFailure } from '../security/bearer-throttle';
import { rateLimitedError } from '../security/enforce-rate-limit';
import { hashApiToken, TOKEN_PREFIX } from './api-tokens';
import { getSessionUser, type SessionUser } from './session';

export type RequestUser = SessionUser & { via: 'session' | 'token' };

const unauthenticated = () => new AppError('UNAUTHENTICATED', { userMessage: 'Sign in, or send a valid API token.' });
const tooManyBadTokens = (retryAfter: number) =>
  rateLimitedError('Too many requests with an invalid API token from your address.', retryAfter);

async function userForToken(token: string): Promise<SessionUser | null> {
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
  return found.user;
}

async function authenticateToken(request: Request, authorization: string): Promise<SessionUser> {
  // Token guessing is rate-limited per client IP (server/security/bearer-throttle.ts): past
  // the limit every Bearer request from that IP is refused before any lookup.
  const ip = clientIpFromHeaders(request.headers, process.env.TRUST_PROXY);
  const blockedFor = bearerRetryAfter(ip);
  if (blockedFor) throw tooManyBadTokens(blockedFor);
  const [scheme, token] = authorization.split(' ');
  const user = scheme?.toLowerCase() === 'bearer' && token ? await userForToken(token.trim()) : null;
  if (!user) {
    const retryAfter = await recordBearerFailure(ip);
    throw retryAfter ? tooManyBadTokens(retryAfter) : unauthenticated();
  }
  return user;
}

// One lookup per request: the CSRF check (server/http/json-route.ts) and the handler both ask.
const tokenAuthentications = new WeakMap<Request, Promise<SessionUser>>();

/** The token's user; throws 401 (or 429) for a missing, unknown or revoked token. */
export function requestTokenUser(request: Request): Promise<SessionUser> {
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
  return requestTokenUser(request).then(
    () => true,
    () => false,
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
  return { ...user, via: 'session' };
}
