import { NextResponse } from 'next/server';
import { resourceUrls, toWebAnnotation } from '@/lib/domain/annotations/web-annotation';
import { ZConfirmAnnotation } from '@/lib/validation/evidence';
import { requireRequestUser } from '@/server/auth/request-user';
import { confirmEvidence } from '@/server/data/evidence/confirm-evidence';
import { jsonRoute } from '@/server/http/json-route';
import { readJsonBody } from '@/server/http/read-json-body';
import { requestOrigin } from '@/server/http/request-origin';

type Context = { params: Promise<{ annotationId: string }> };

/** Re-confirms a changed annotation on its new words. */
export const POST = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireRequestUser(request);
  const input = await readJsonBody(request, ZConfirmAnnotation);
  const record = await confirmEvidence({ userId: user.id, annotationId: (await params).annotationId, input });
  return NextResponse.json(toWebAnnotation(record, resourceUrls(requestOrigin(request))));
});
