import { NextResponse } from 'next/server';
import { requireRequestUser } from '@/server/auth/request-user';
import { revokeInvitation } from '@/server/data/members/members';
import { jsonRoute } from '@/server/http/json-route';

type Context = { params: Promise<{ workspaceSlug: string; invitationId: string }> };

export const DELETE = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireRequestUser(request);
  const { workspaceSlug, invitationId } = await params;
  await revokeInvitation({ userId: user.id, slug: workspaceSlug, invitationId });
  return new NextResponse(null, { status: 204 });
});
