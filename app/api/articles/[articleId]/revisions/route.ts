import { NextResponse } from 'next/server';
import { requireRequestUser } from '@/server/auth/request-user';
import { listRevisions } from '@/server/data/revisions/revisions';
import { jsonRoute } from '@/server/http/json-route';

type Context = { params: Promise<{ articleId: string }> };

/** The article's revisions, newest first: number, author, time, size of change, anchor summary. */
export const GET = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireRequestUser(request);
  const revisions = await listRevisions({ userId: user.id, articleId: (await params).articleId });
  return NextResponse.json({ revisions });
});
