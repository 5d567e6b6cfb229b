// The article's annotation container (Web Annotation Protocol §4-5): an LDP Basic Container
// at `/api/articles/{id}/annotations/` (also answered without the slash, for older clients).
import { toAnnotationContainer, toAnnotationPage } from '@/lib/domain/web-annotation/collection';
import { resourceUrls } from '@/lib/domain/web-annotation/iris';
import { parseContainerPreference } from '@/lib/domain/web-annotation/prefer';
import { annotationEtag, toWebAnnotation } from '@/lib/domain/web-annotation/serialize';
import { ZContainerQuery, ZCreateAnnotation, ZIdempotencyKey } from '@/lib/validation/annotations';
import { requireRequestUser } from '@/server/auth/request-user';
import { createAnnotation } from '@/server/data/annotations/create-annotation';
import { listAnnotationPage } from '@/server/data/annotations/list-annotation-page';
import { jsonRoute } from '@/server/http/json-route';
import { readJsonBody, validateInput } from '@/server/http/read-json-body';
import { requestOrigin } from '@/server/http/request-origin';
import { optionsResponse, requireServedMedia, webAnnotationResponse } from '@/server/http/web-annotation-response';

type Context = { params: Promise<{ articleId: string }> };

/** The container (with its first page, as `Prefer` asks), or one page of it with `?page=`. */
export const GET = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireRequestUser(request);
  const media = requireServedMedia(request);
  const { articleId } = await params;
  const query = validateInput(ZContainerQuery, Object.fromEntries(new URL(request.url).searchParams));
  const preference = parseContainerPreference(request.headers.get('prefer'));
  const urls = resourceUrls(requestOrigin(request));
  const page = await listAnnotationPage({
    userId: user.id,
    articleId,
    request: query.page ?? { kind: 'first' },
    size: !query.page && preference === 'minimal' ? 0 : query.limit,
  });
  const items = { ...page, items: page.records.map((record) => toWebAnnotation(record, urls)) };
  const options = { articleId: page.article.id, urls, size: query.limit, total: page.total };
  const body = query.page
    ? toAnnotationPage({ ...options, iris: query.iris === '1', request: query.page }, items)
    : toAnnotationContainer({
        ...options,
        label: `Annotations on “${page.article.title}”`,
        preference: preference ?? 'descriptions',
        firstPage: items,
      });
  return webAnnotationResponse(request, body, {
    kind: query.page ? 'page' : 'container',
    media,
    constraintsIri: urls.constraints,
    headers: {
      ...(query.page ? {} : { 'content-location': urls.container(page.article.id) }),
      ...(preference && !query.page ? { 'preference-applied': 'return=representation' } : {}),
    },
  });
});

export const HEAD = GET;

export const OPTIONS = jsonRoute(async (request) =>
  optionsResponse('container', resourceUrls(requestOrigin(request)).constraints),
);

/** `Idempotency-Key` (optional): a retried request with the same key returns the first result (200). */
export const POST = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireRequestUser(request);
  const media = requireServedMedia(request);
  const idempotencyKey = validateInput(ZIdempotencyKey, request.headers.get('idempotency-key') ?? undefined);
  const input = await readJsonBody(request, ZCreateAnnotation);
  const { record, replayed } = await createAnnotation({
    userId: user.id,
    articleId: (await params).articleId,
    input,
    idempotencyKey,
  });
  const urls = resourceUrls(requestOrigin(request));
  const annotation = toWebAnnotation(record, urls);
  return webAnnotationResponse(request, annotation, {
    kind: 'annotation',
    media,
    constraintsIri: urls.constraints,
    etag: annotationEtag(record),
    status: replayed ? 200 : 201,
    headers: { location: annotation.id, ...(replayed ? { 'idempotent-replayed': 'true' } : {}) },
  });
});
