import { NextResponse } from 'next/server';
import { ZUpdateComment } from '@/lib/validation/comments';
import { requireRequestUser } from '@/server/auth/request-user';
import { deleteComment, updateComment } from '@/server/data/comments/comments';
import { jsonRoute } from '@/server/http/json-route';
import { readJsonBody } from '@/server/http/read-json-body';

type Context = { params: Promise<{ commentId: string }> };

export const PATCH = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireRequestUser(request);
  const { body, version } = await readJsonBody(request, ZUpdateComment);
  return NextResponse.json(
    await updateComment({ userId: user.id, commentId: (await params).commentId, body, version }),
  );
});

export const DELETE = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireRequestUser(request);
  await deleteComment({ userId: user.id, commentId: (await params).commentId });
  return new NextResponse(null, { status: 204 });
});
