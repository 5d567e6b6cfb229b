import { NextResponse } from 'next/server';
import { resourceUrls, toWebAnnotation } from '@/lib/domain/annotations/web-annotation';
import { ZReanchorAnnotation } from '@/lib/validation/evidence';
import { requireRequestUser } from '@/server/auth/request-user';
import { reanchorEvidence } from '@/server/data/evidence/confirm-evidence';
import { jsonRoute } from '@/server/http/json-route';
import { readJsonBody } from '@/server/http/read-json-body';
import { requestOrigin } from '@/server/http/request-origin';

type Context = { params: Promise<{ annotationId: string }> };

/** "Re-anchor here": moves the annotation to a passage selected on the current revision. */
export const POST = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireRequestUser(request);
  const input = await readJsonBody(request, ZReanchorAnnotation);
  const record = await reanchorEvidence({ userId: user.id, annotationId: (await params).annotationId, input });
  return NextResponse.json(toWebAnnotation(record, resourceUrls(requestOrigin(request))));
});
