import { NextResponse } from 'next/server';
import { ZAnnotationSearch } from '@/lib/validation/links';
import { requireRequestUser } from '@/server/auth/request-user';
import { searchWorkspaceAnnotations } from '@/server/data/links/links';
import { jsonRoute } from '@/server/http/json-route';
import { validateInput } from '@/server/http/read-json-body';

type Context = { params: Promise<{ workspaceSlug: string }> };

/** Annotations of the workspace matching `?q=` (quote, note or article title), for the link picker. */
export const GET = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireRequestUser(request);
  const url = new URL(request.url);
  const query = validateInput(ZAnnotationSearch, {
    q: url.searchParams.get('q') ?? '',
    exclude: url.searchParams.get('exclude') ?? undefined,
  });
  const annotations = await searchWorkspaceAnnotations({
    userId: user.id,
    slug: (await params).workspaceSlug,
    ...query,
  });
  return NextResponse.json({ annotations });
});
