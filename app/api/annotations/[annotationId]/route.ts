import { NextResponse } from 'next/server';
import { resourceUrls, toWebAnnotation } from '@/lib/domain/annotations/web-annotation';
import { ZUpdateAnnotation } from '@/lib/validation/annotations';
import { requireRequestUser } from '@/server/auth/request-user';
import { deleteAnnotation } from '@/server/data/annotations/delete-annotation';
import { getMemberAnnotation } from '@/server/data/annotations/get-member-annotation';
import { updateAnnotation } from '@/server/data/annotations/update-annotation';
import { jsonRoute } from '@/server/http/json-route';
import { readJsonBody } from '@/server/http/read-json-body';
import { requestOrigin } from '@/server/http/request-origin';

type Context = { params: Promise<{ annotationId: string }> };

export const GET = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireRequestUser(request);
  const { record } = await getMemberAnnotation({ userId: user.id, annotationId: (await params).annotationId });
  return NextResponse.json(toWebAnnotation(record, resourceUrls(requestOrigin(request))));
});

export const PATCH = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireRequestUser(request);
  const input = await readJsonBody(request, ZUpdateAnnotation);
  const record = await updateAnnotation({ userId: user.id, annotationId: (await params).annotationId, input });
  return NextResponse.json(toWebAnnotation(record, resourceUrls(requestOrigin(request))));
});

export const DELETE = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireRequestUser(request);
  await deleteAnnotation({ userId: user.id, annotationId: (await params).annotationId });
  return new NextResponse(null, { status: 204 });
});
