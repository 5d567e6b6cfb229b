import { NextResponse } from 'next/server';
import { ZCreateInvitation } from '@/lib/validation/members';
import { requireRequestUser } from '@/server/auth/request-user';
import { createInvitation } from '@/server/data/members/members';
import { jsonRoute } from '@/server/http/json-route';
import { readJsonBody } from '@/server/http/read-json-body';
import { requestOrigin } from '@/server/http/request-origin';

type Context = { params: Promise<{ workspaceSlug: string }> };

/** No mail is sent: the answer holds the single-use link for the owner to pass on. */
export const POST = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireRequestUser(request);
  const input = await readJsonBody(request, ZCreateInvitation);
  const { token, ...invitation } = await createInvitation({
    userId: user.id,
    slug: (await params).workspaceSlug,
    input,
  });
  return NextResponse.json({ ...invitation, url: `${requestOrigin(request)}/invite/${token}` }, { status: 201 });
});
