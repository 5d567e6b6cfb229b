import { NextResponse } from 'next/server';
import { AppError } from '@/lib/errors';
import { ZEndSessionsQuery } from '@/lib/validation/account';
import { requireCurrentSession } from '@/server/auth/session';
import { endUserSessions } from '@/server/data/sessions/auth-sessions';
import { jsonRoute } from '@/server/http/json-route';

/**
 * "Sign out everywhere": ends every session of the account, this one included; with
 * `?keep=current`, every other one. Session only.
 */
export const DELETE = jsonRoute(async (request) => {
  const { user, sessionId } = await requireCurrentSession();
  const query = ZEndSessionsQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new AppError('INVALID_INPUT', { userMessage: 'Use ?keep=current or nothing.' });
  const { keep } = query.data;
  const ended = await endUserSessions(user.id, keep === 'current' ? { except: sessionId } : {});
  return NextResponse.json({ ended });
});
