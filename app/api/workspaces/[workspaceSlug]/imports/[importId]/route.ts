import { NextResponse } from 'next/server';
import { requireRequestUser } from '@/server/auth/request-user';
import { getImportJob } from '@/server/data/imports/get-import-job';
import { jsonRoute } from '@/server/http/json-route';

type Context = { params: Promise<{ workspaceSlug: string; importId: string }> };

/** A background import's state, progress and, once done, its article (members of the workspace only). */
export const GET = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireRequestUser(request);
  const { workspaceSlug, importId } = await params;
  const job = await getImportJob({ userId: user.id, slug: workspaceSlug, importId });
  return NextResponse.json(job, { headers: { 'cache-control': 'no-store' } });
});
