import { NextResponse } from 'next/server';
import { parseHeadline } from '@/lib/domain/search/headline';
import { ZWorkspaceSearch } from '@/lib/validation/search';
import { requireRequestUser } from '@/server/auth/request-user';
import { searchWorkspace } from '@/server/data/search/search-workspace';
import { jsonRoute } from '@/server/http/json-route';
import { validateInput } from '@/server/http/read-json-body';

type Context = { params: Promise<{ workspaceSlug: string }> };

/** `?q=&kind=&tag=&author=&status=`; each headline comes as segments (`hit` marks matched words). */
export const GET = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireRequestUser(request);
  const input = validateInput(ZWorkspaceSearch, Object.fromEntries(new URL(request.url).searchParams));
  const { results } = await searchWorkspace({ userId: user.id, slug: (await params).workspaceSlug, input });
  const segmented = <T extends { headline: string }>(hits: T[]) =>
    hits.map(({ headline, ...hit }) => ({ ...hit, headline: parseHeadline(headline) }));
  return NextResponse.json({
    passages: segmented(results.passages),
    annotations: segmented(results.annotations),
    comments: segmented(results.comments),
  });
});
