import { NextResponse } from 'next/server';
import { ZChangeRole } from '@/lib/validation/members';
import { requireRequestUser } from '@/server/auth/request-user';
import { changeMemberRole, removeMember } from '@/server/data/members/members';
import { jsonRoute } from '@/server/http/json-route';
import { readJsonBody } from '@/server/http/read-json-body';

type Context = { params: Promise<{ workspaceSlug: string; membershipId: string }> };

export const PATCH = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireRequestUser(request);
  const { role } = await readJsonBody(request, ZChangeRole);
  const { workspaceSlug, membershipId } = await params;
  const membership = await changeMemberRole({ userId: user.id, slug: workspaceSlug, membershipId, role });
  return NextResponse.json({ membershipId: membership.id, role: membership.role });
});

export const DELETE = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireRequestUser(request);
  const { workspaceSlug, membershipId } = await params;
  await removeMember({ userId: user.id, slug: workspaceSlug, membershipId });
  return new NextResponse(null, { status: 204 });
});
