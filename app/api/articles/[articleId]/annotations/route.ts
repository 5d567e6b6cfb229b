import { NextResponse } from 'next/server';
import { resourceUrls, toAnnotationCollection, toWebAnnotation } from '@/lib/domain/annotations/web-annotation';
import { ZCreateAnnotation, ZIdempotencyKey } from '@/lib/validation/annotations';
import { requireRequestUser } from '@/server/auth/request-user';
import { createAnnotation } from '@/server/data/annotations/create-annotation';
import { listArticleAnnotations } from '@/server/data/annotations/list-article-annotations';
import { jsonRoute } from '@/server/http/json-route';
import { readJsonBody, validateInput } from '@/server/http/read-json-body';
import { requestOrigin } from '@/server/http/request-origin';

type Context = { params: Promise<{ articleId: string }> };

const JSON_LD = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

export const GET = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireRequestUser(request);
  const { articleId } = await params;
  const records = await listArticleAnnotations({ userId: user.id, articleId });
  const urls = resourceUrls(requestOrigin(request));
  const collection = toAnnotationCollection(
    `${urls.article(articleId)}/annotations`,
    records.map((record) => toWebAnnotation(record, urls)),
  );
  return NextResponse.json(collection, { headers: { 'content-type': JSON_LD } });
});

/** `Idempotency-Key` (optional): a retried request with the same key returns the first result (200). */
export const POST = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireRequestUser(request);
  const idempotencyKey = validateInput(ZIdempotencyKey, request.headers.get('idempotency-key') ?? undefined);
  const input = await readJsonBody(request, ZCreateAnnotation);
  const { record, replayed } = await createAnnotation({
    userId: user.id,
    articleId: (await params).articleId,
    input,
    idempotencyKey,
  });
  const annotation = toWebAnnotation(record, resourceUrls(requestOrigin(request)));
  return NextResponse.json(annotation, {
    status: replayed ? 200 : 201,
    headers: {
      'content-type': JSON_LD,
      location: annotation.id,
      ...(replayed ? { 'idempotent-replayed': 'true' } : {}),
    },
  });
});
