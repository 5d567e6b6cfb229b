import { NextResponse } from 'next/server';
import { ZChangeName } from '@/lib/validation/account';
import { requireApiUser } from '@/server/auth/session';
import { changeName } from '@/server/data/account/update-account';
import { jsonRoute } from '@/server/http/json-route';
import { readJsonBody } from '@/server/http/read-json-body';

/** Changes the signed-in user's display name. Session only: a token cannot edit the account. */
export const PATCH = jsonRoute(async (request) => {
  const user = await requireApiUser();
  const { name } = await readJsonBody(request, ZChangeName, 4 * 1024);
  return NextResponse.json({ user: await changeName({ userId: user.id, name }) });
});
