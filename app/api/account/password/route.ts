import { NextResponse } from 'next/server';
import { ZChangePassword } from '@/lib/validation/account';
import { requireCurrentSession } from '@/server/auth/session';
import { changePassword } from '@/server/data/account/update-account';
import { jsonRoute } from '@/server/http/json-route';
import { readJsonBody } from '@/server/http/read-json-body';

/** Changes the password (the current one is required) and ends every other session. */
export const POST = jsonRoute(async (request) => {
  const { user, sessionId } = await requireCurrentSession();
  const input = await readJsonBody(request, ZChangePassword, 4 * 1024);
  return NextResponse.json(await changePassword({ userId: user.id, sessionId, ...input }));
});
