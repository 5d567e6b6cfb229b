import 'server-only';
import { isUuid } from '@/lib/validation/ids';
import { db } from '../../db';

/** How long a sign-in lasts without use; the JWT's own maxAge is the same. */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;
/** A session in use is extended at most this often, so a busy client does not write on every request. */
const EXTEND_EVERY_MS = 24 * 60 * 60 * 1000;

const expiry = (now: number) => new Date(now + SESSION_MAX_AGE_SECONDS * 1000);

/** A new server-side session for a sign-in; its id goes into the JWT. Also drops the user's expired ones. */
export async function createAuthSession(userId: string, now = Date.now()): Promise<string> {
  const [, session] = await db().$transaction([
    db().authSession.deleteMany({ where: { userId, expiresAt: { lt: new Date(now) } } }),
    db().authSession.create({ data: { userId, expiresAt: expiry(now) }, select: { id: true } }),
  ]);
  return session.id;
}

export type SessionUserRow = { id: string; email: string; name: string; emailVerifiedAt: Date | null };

/**
 * The user of a live session, or null when the session was ended (sign-out, sign out everywhere,
 * password change or reset, account removed) or has expired. One indexed lookup per request.
 */
export async function findSessionUser(sessionId: string, userId: string, now = Date.now()) {
  if (!isUuid(sessionId)) return null;
  const session = await db().authSession.findUnique({
    where: { id: sessionId },
    select: {
      userId: true,
      expiresAt: true,
      user: { select: { id: true, email: true, name: true, emailVerifiedAt: true } },
    },
  });
  if (!session || session.userId !== userId || session.expiresAt.getTime() <= now) return null;
  if (session.expiresAt.getTime() - now < SESSION_MAX_AGE_SECONDS * 1000 - EXTEND_EVERY_MS) {
    await db().authSession.updateMany({ where: { id: sessionId }, data: { expiresAt: expiry(now) } });
  }
  return session.user satisfies SessionUserRow;
}

/** Ends one session (sign-out). */
export async function endAuthSession(sessionId: string): Promise<void> {
  await db().authSession.deleteMany({ where: { id: sessionId } });
}

/** Ends every session of the user, or every one but `except` (the browser that asked). Returns how many. */
export async function endUserSessions(userId: string, options: { except?: string } = {}): Promise<number> {
  const { count } = await db().authSession.deleteMany({
    where: { userId, ...(options.except ? { id: { not: options.except } } : {}) },
  });
  return count;
}
