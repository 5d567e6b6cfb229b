import { NextResponse } from 'next/server';
import { resourceUrls, toWebAnnotation } from '@/lib/domain/annotations/web-annotation';
import { ZMarkPrivileged, ZUnmarkPrivileged } from '@/lib/validation/privilege';
import { requireRequestUser } from '@/server/auth/request-user';
import { setAnnotationPrivilege } from '@/server/data/annotations/set-annotation-privilege';
import { jsonRoute } from '@/server/http/json-route';
import { readJsonBody } from '@/server/http/read-json-body';
import { requestOrigin } from '@/server/http/request-origin';

type Context = { params: Promise<{ annotationId: string }> };

/** Marks the annotation privileged and confidential: `{ basis, version }`. */
export const PUT = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireRequestUser(request);
  const input = await readJsonBody(request, ZMarkPrivileged);
  const record = await setAnnotationPrivilege({
    userId: user.id,
    annotationId: (await params).annotationId,
    basis: input.basis,
    version: input.version,
  });
  return NextResponse.json(toWebAnnotation(record, resourceUrls(requestOrigin(request))));
});

/** Withdraws the privilege: `{ version }`. */
export const DELETE = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireRequestUser(request);
  const input = await readJsonBody(request, ZUnmarkPrivileged);
  const record = await setAnnotationPrivilege({
    userId: user.id,
    annotationId: (await params).annotationId,
    basis: null,
    version: input.version,
  });
  return NextResponse.json(toWebAnnotation(record, resourceUrls(requestOrigin(request))));
});
