import { NextResponse } from 'next/server';
import { requireRequestUser } from '@/server/auth/request-user';
import { listMembers } from '@/server/data/members/members';
import { jsonRoute } from '@/server/http/json-route';

type Context = { params: Promise<{ workspaceSlug: string }> };

export const GET = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireRequestUser(request);
  const { members, invitations } = await listMembers({ userId: user.id, slug: (await params).workspaceSlug });
  return NextResponse.json({ members, invitations });
});
