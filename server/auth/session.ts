import 'server-only';
import { getServerSession } from 'next-auth';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { AppError } from '@/lib/errors';
import { findSessionUser } from '../data/sessions/auth-sessions';
import { noteRequestUser } from '../log/request-context';
import { authOptions, SIGN_IN_PATH } from './auth-options';

export type SessionUser = { id: string; email: string; name: string };

/** The signed-in user and the server-side session they signed in with. */
export type CurrentSession = { user: SessionUser & { emailVerifiedAt: Date | null }; sessionId: string };

/**
 * The current session, re-read from the database so that a sign-out, "sign out everywhere", a
 * password change or a deleted account ends it at once, whatever the cookie says. A JWT without
 * a session id (issued before sessions were kept) counts as signed out.
 */
export const getCurrentSession = cache(async (): Promise<CurrentSession | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  const sessionId = session?.sessionId;
  if (!id || !sessionId) return null;
  const user = await findSessionUser(sessionId, id);
  if (user) noteRequestUser(user.id);
  return user ? { user, sessionId } : null;
});

/** The signed-in user, or null. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const current = await getCurrentSession();
  if (!current) return null;
  const { id, email, name } = current.user;
  return { id, email, name };
});

/** For pages: the user, or a redirect to sign-in that comes back here afterwards. */
export async function requirePageUser(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`${SIGN_IN_PATH}?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/**
 * For route handlers and server actions that take the session only: the user, or a 401. A
 * request carrying a token is never also authenticated by its cookie (see request-user.ts).
 */
export async function requireApiUser(): Promise<SessionUser> {
  if ((await headers()).get('authorization')) {
    throw new AppError('UNAUTHENTICATED', { userMessage: 'This needs the signed-in session, not an API token.' });
  }
  const user = await getSessionUser();
  if (!user) throw new AppError('UNAUTHENTICATED', { userMessage: 'Sign in to continue.' });
  return user;
}

/** For account routes that act on the session itself (password change keeps this one signed in). */
export async function requireCurrentSession(): Promise<CurrentSession> {
  const current = await getCurrentSession();
  if (!current) throw new AppError('UNAUTHENTICATED', { userMessage: 'Sign in to continue.' });
  return current;
}
