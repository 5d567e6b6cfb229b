import { NextResponse } from 'next/server';
import { ZCreateComment } from '@/lib/validation/comments';
import { requireRequestUser } from '@/server/auth/request-user';
import { createComment, listComments } from '@/server/data/comments/comments';
import { jsonRoute } from '@/server/http/json-route';
import { readJsonBody } from '@/server/http/read-json-body';

type Context = { params: Promise<{ annotationId: string }> };

export const GET = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireRequestUser(request);
  return NextResponse.json({
    comments: await listComments({ userId: user.id, annotationId: (await params).annotationId }),
  });
});

export const POST = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireRequestUser(request);
  const { body, mentions } = await readJsonBody(request, ZCreateComment);
  const comment = await createComment({ userId: user.id, annotationId: (await params).annotationId, body, mentions });
  return NextResponse.json(comment, { status: 201 });
});
