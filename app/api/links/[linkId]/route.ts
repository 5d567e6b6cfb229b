import { toLinkAnnotation } from '@/lib/domain/export/annotation-export';
import { resourceUrls } from '@/lib/domain/web-annotation/iris';
import { requireRequestUser } from '@/server/auth/request-user';
import { getMemberLink } from '@/server/data/links/get-member-link';
import { requestOrigin } from '@/server/http/request-origin';
import { requireServedMedia, webAnnotationResponse } from '@/server/http/web-annotation-response';
import { deleteLink } from '@/server/data/links/links';
import { jsonRoute } from '@/server/http/json-route';

type Context = { params: Promise<{ linkId: string }> };

/** The link as the export writes it: an Annotation with motivation "linking". */
export const GET = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireRequestUser(request);
  const media = requireServedMedia(request);
  const link = await getMemberLink({ userId: user.id, linkId: (await params).linkId });
  const urls = resourceUrls(requestOrigin(request));
  return webAnnotationResponse(request, toLinkAnnotation(link, urls), {
    kind: 'annotation',
    media,
    constraintsIri: urls.constraints,
  });
});

export const DELETE = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireRequestUser(request);
  await deleteLink({ userId: user.id, linkId: (await params).linkId });
  return new Response(null, { status: 204 });
});
