import { NextResponse } from 'next/server';
import { toReply } from '@/lib/domain/export/annotation-export';
import { resourceUrls } from '@/lib/domain/web-annotation/iris';
import { getMemberComment } from '@/server/data/comments/get-member-comment';
import { requestOrigin } from '@/server/http/request-origin';
import { requireServedMedia, webAnnotationResponse } from '@/server/http/web-annotation-response';
import { ZUpdateComment } from '@/lib/validation/comments';
import { requireRequestUser } from '@/server/auth/request-user';
import { deleteComment, updateComment } from '@/server/data/comments/comments';
import { jsonRoute } from '@/server/http/json-route';
import { readJsonBody } from '@/server/http/read-json-body';

type Context = { params: Promise<{ commentId: string }> };

/** The reply as the export writes it: an Annotation with motivation "replying". */
export const GET = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireRequestUser(request);
  const media = requireServedMedia(request);
  const { annotation, comment } = await getMemberComment({ userId: user.id, commentId: (await params).commentId });
  const urls = resourceUrls(requestOrigin(request));
  return webAnnotationResponse(request, toReply(annotation, comment, urls), {
    kind: 'annotation',
    media,
    constraintsIri: urls.constraints,
  });
});

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
