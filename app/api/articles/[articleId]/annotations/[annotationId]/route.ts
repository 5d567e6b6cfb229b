// One annotation, at its IRI inside its article's container. The same handlers answer the
// older `/api/annotations/{id}` (app/api/annotations/[annotationId]/route.ts), where there is
// no article in the path to check.
import { resourceUrls } from '@/lib/domain/web-annotation/iris';
import { annotationEtag, toWebAnnotation, type AnnotationRecord } from '@/lib/domain/web-annotation/serialize';
import { ZCreateAnnotation, ZUpdateAnnotation } from '@/lib/validation/annotations';
import { requireRequestUser } from '@/server/auth/request-user';
import { deleteAnnotation } from '@/server/data/annotations/delete-annotation';
import { getMemberAnnotation } from '@/server/data/annotations/get-member-annotation';
import { replaceAnnotation } from '@/server/data/annotations/replace-annotation';
import { updateAnnotation } from '@/server/data/annotations/update-annotation';
import { jsonRoute } from '@/server/http/json-route';
import { readJsonBody } from '@/server/http/read-json-body';
import { requestOrigin } from '@/server/http/request-origin';
import {
  optionsResponse,
  readIfMatch,
  requireServedMedia,
  webAnnotationResponse,
} from '@/server/http/web-annotation-response';
import { NextResponse } from 'next/server';

type Context = { params: Promise<{ annotationId: string; articleId?: string }> };

function respond(request: Request, record: AnnotationRecord, media: ReturnType<typeof requireServedMedia>) {
  const urls = resourceUrls(requestOrigin(request));
  return webAnnotationResponse(request, toWebAnnotation(record, urls), {
    kind: 'annotation',
    media,
    constraintsIri: urls.constraints,
    etag: annotationEtag(record),
  });
}

export const GET = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireRequestUser(request);
  const media = requireServedMedia(request);
  const { record } = await getMemberAnnotation({ userId: user.id, ...(await params) });
  return respond(request, record, media);
});

export const HEAD = GET;

export const OPTIONS = jsonRoute(async (request) =>
  optionsResponse('annotation', resourceUrls(requestOrigin(request)).constraints),
);

/** Replaces the whole annotation; needs If-Match (428 without, 412 when stale). */
export const PUT = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireRequestUser(request);
  const media = requireServedMedia(request);
  const ifMatch = readIfMatch(request, true)!;
  const input = await readJsonBody(request, ZCreateAnnotation);
  const record = await replaceAnnotation({ userId: user.id, ...(await params), input, ifMatch });
  return respond(request, record, media);
});

/** Changes tag, note, thread or review state; honours If-Match and the body's `version`. */
export const PATCH = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireRequestUser(request);
  const media = requireServedMedia(request);
  const ifMatch = readIfMatch(request, false);
  const input = await readJsonBody(request, ZUpdateAnnotation);
  const record = await updateAnnotation({ userId: user.id, ...(await params), input, ifMatch });
  return respond(request, record, media);
});

export const DELETE = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireRequestUser(request);
  await deleteAnnotation({ userId: user.id, ...(await params), ifMatch: readIfMatch(request, false) });
  return new NextResponse(null, { status: 204 });
});
