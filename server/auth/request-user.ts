import 'server-only';
import { AppError, isAppError } from '@/lib/errors';
import { clientIpFromHeaders } from '@/lib/security/rate-limit-client-ip';
import { db } from '../db';
import { runPrepared, type PreparedStatement } from '../db/prepared-statement';
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

// Asked on every token request, so prepared once per connection. Validity is never cached: a
// revoked token must fail on its next request, on every instance.
const TOKEN_USER: PreparedStatement = {
  name: 'marginalia_token_user_v1',
  text: `SELECT t.id AS "tokenId", u.id, u.email, u.name,
      (t."lastUsedAt" IS NULL OR t."lastUsedAt" < (now() AT TIME ZONE 'UTC') - interval '1 minute') AS "useIsStale"
    FROM "ApiToken" t JOIN "User" u ON u.id = t."userId"
    WHERE t."tokenHash" = $1 AND t."revokedAt" IS NULL`,
};

type TokenRow = TokenUser & { useIsStale: boolean };

async function userForToken(token: string): Promise<TokenUser | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const [found] = await runPrepared<TokenRow>(TOKEN_USER, [hashApiToken(token)]);
  if (!found) return null;
  const { useIsStale, ...user } = found;
  // Recording use at most once a minute keeps a busy client from writing on every request.
  if (useIsStale) await db().apiToken.update({ where: { id: user.tokenId }, data: { lastUsedAt: new Date() } });
  return user;
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
