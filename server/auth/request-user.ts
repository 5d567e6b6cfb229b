import 'server-only';
import { AppError } from '@/lib/errors';
import { db } from '../db';
import { hashApiToken, TOKEN_PREFIX } from './api-tokens';
import { getSessionUser, type SessionUser } from './session';

export type RequestUser = SessionUser & { via: 'session' | 'token' };

const unauthenticated = () => new AppError('UNAUTHENTICATED', { userMessage: 'Sign in, or send a valid API token.' });

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

/** For API routes: a personal access token (`Authorization: Bearer …`) or the session cookie. */
export async function requireRequestUser(request: Request): Promise<RequestUser> {
  const authorization = request.headers.get('authorization');
  if (authorization) {
    const [scheme, token] = authorization.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw unauthenticated();
    const user = await userForToken(token.trim());
    if (!user) throw unauthenticated();
    return { ...user, via: 'token' };
  }
  const user = await getSessionUser();
  if (!user) throw unauthenticated();
  return { ...user, via: 'session' };
}
