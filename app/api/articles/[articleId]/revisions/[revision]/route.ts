import { NextResponse } from 'next/server';
import { requireRequestUser } from '@/server/auth/request-user';
import { getRevision } from '@/server/data/revisions/revisions';
import { jsonRoute } from '@/server/http/json-route';

type Context = { params: Promise<{ articleId: string; revision: string }> };

/** One revision (by number, or by id as in the words-as-tagged IRIs) with the annotations as they stood on it. */
export const GET = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireRequestUser(request);
  const { articleId, revision: ref } = await params;
  const { revision, annotations, latestNumber } = await getRevision({ userId: user.id, articleId, ref });
  return NextResponse.json({
    id: revision.id,
    number: revision.number,
    latest: revision.number === latestNumber,
    authorName: revision.authorName,
    createdAt: revision.createdAt,
    doc: revision.doc,
    text: revision.text,
    annotations,
  });
});
