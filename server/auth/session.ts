import 'server-only';
import { getServerSession } from 'next-auth';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { AppError } from '@/lib/errors';
import { db } from '../db';
import { authOptions, SIGN_IN_PATH } from './auth-options';

export type SessionUser = { id: string; email: string; name: string };

/** The signed-in user, re-read from the database so a deleted account loses access at once. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  return db().user.findUnique({ where: { id }, select: { id: true, email: true, name: true } });
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
