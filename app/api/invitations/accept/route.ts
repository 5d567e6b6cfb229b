import { NextResponse } from 'next/server';
import { ZAcceptInvitation } from '@/lib/validation/members';
import { requireRequestUser } from '@/server/auth/request-user';
import { acceptInvitation } from '@/server/data/members/members';
import { jsonRoute } from '@/server/http/json-route';
import { readJsonBody } from '@/server/http/read-json-body';

export const POST = jsonRoute(async (request) => {
  const user = await requireRequestUser(request);
  const { token } = await readJsonBody(request, ZAcceptInvitation);
  return NextResponse.json(await acceptInvitation({ userId: user.id, token }));
});
