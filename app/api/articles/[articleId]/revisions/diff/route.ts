import { NextResponse } from 'next/server';
import { ZRevisionDiffQuery } from '@/lib/validation/evidence';
import { requireRequestUser } from '@/server/auth/request-user';
import { compareRevisions } from '@/server/data/revisions/revisions';
import { jsonRoute } from '@/server/http/json-route';
import { validateInput } from '@/server/http/read-json-body';

type Context = { params: Promise<{ articleId: string }> };

/** `?from=1&to=3`: paragraphs (moves as moves) and words within them, with the annotations affected. */
export const GET = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireRequestUser(request);
  const query = new URL(request.url).searchParams;
  const { from, to } = validateInput(ZRevisionDiffQuery, { from: query.get('from'), to: query.get('to') });
  return NextResponse.json(await compareRevisions({ userId: user.id, articleId: (await params).articleId, from, to }));
});
