import { NextResponse } from 'next/server';
import { ZCreateLink } from '@/lib/validation/links';
import { requireRequestUser } from '@/server/auth/request-user';
import { createLink } from '@/server/data/links/links';
import { jsonRoute } from '@/server/http/json-route';
import { readJsonBody } from '@/server/http/read-json-body';

type Context = { params: Promise<{ annotationId: string }> };

/** Links this annotation to another of the workspace: `{ toAnnotationId, type }`. */
export const POST = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireRequestUser(request);
  const input = await readJsonBody(request, ZCreateLink);
  const link = await createLink({ userId: user.id, fromAnnotationId: (await params).annotationId, input });
  return NextResponse.json(link, { status: 201 });
});
