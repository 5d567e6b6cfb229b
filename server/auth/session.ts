import 'server-only';
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { AppError } from '@/lib/errors';
import { db } from '../db';
import { noteRequestUser } from '../log/request-context';
import { authOptions, SIGN_IN_PATH } from './auth-options';

export type SessionUser = { id: string; email: string; name: string };

/** The signed-in user, re-read from the database so a deleted account loses access at once. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db().user.findUnique({ where: { id }, select: { id: true, email: true, name: true } });
  if (user) noteRequestUser(user.id);
  return user;
});

/** For pages: the user, or a redirect to sign-in that comes back here afterwards. */
export async function requirePageUser(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`${SIGN_IN_PATH}?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** For route handlers and server actions: the user, or a 401. */
export async function requireApiUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError('UNAUTHENTICATED', { userMessage: 'Sign in to continue.' });
  return user;
}
