import { NextResponse } from 'next/server';
import { ZCreateWorkspace } from '@/lib/validation/workspaces';
import { requireRequestUser } from '@/server/auth/request-user';
import { createWorkspace } from '@/server/data/workspaces/create-workspace';
import { listUserWorkspaces } from '@/server/data/workspaces/get-member-workspace';
import { jsonRoute } from '@/server/http/json-route';
import { readJsonBody } from '@/server/http/read-json-body';

export const GET = jsonRoute(async (request) => {
  const user = await requireRequestUser(request);
  const workspaces = await listUserWorkspaces(user.id);
  return NextResponse.json({ workspaces: workspaces.map(({ name, slug, role }) => ({ name, slug, role })) });
});

export const POST = jsonRoute(async (request) => {
  const user = await requireRequestUser(request);
  const input = await readJsonBody(request, ZCreateWorkspace);
  const workspace = await createWorkspace({ userId: user.id, input });
  return NextResponse.json(
    { name: workspace.name, slug: workspace.slug, url: `/w/${workspace.slug}` },
    { status: 201, headers: { location: `/w/${workspace.slug}` } },
  );
});
