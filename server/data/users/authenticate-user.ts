import 'server-only';
import type { TSignIn } from '@/lib/validation/auth';
import { verifyAgainstDummy, verifyPassword } from '../../auth/password';
import { db } from '../../db';

export type AuthenticatedUser = { id: string; email: string; name: string };

/** Returns the user when the password matches; null otherwise, in the same time either way. */
export async function authenticateUser(credentials: TSignIn): Promise<AuthenticatedUser | null> {
  const user = await db().user.findUnique({
    where: { email: credentials.email },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  if (!user) return verifyAgainstDummy(credentials.password).then(() => null);
  if (!(await verifyPassword(user.passwordHash, credentials.password))) return null;
  return { id: user.id, email: user.email, name: user.name };
}
