import { NextResponse } from 'next/server';
import { requireRequestUser } from '@/server/auth/request-user';
import { listAnnotationHistory } from '@/server/data/evidence/list-annotation-history';
import { jsonRoute } from '@/server/http/json-route';

type Context = { params: Promise<{ annotationId: string }> };

/** The annotation's own trail from the audit log. */
export const GET = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireRequestUser(request);
  return NextResponse.json(await listAnnotationHistory({ userId: user.id, annotationId: (await params).annotationId }));
});
