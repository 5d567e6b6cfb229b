import { requireRequestUser } from '@/server/auth/request-user';
import { deleteLink } from '@/server/data/links/links';
import { jsonRoute } from '@/server/http/json-route';

type Context = { params: Promise<{ linkId: string }> };

export const DELETE = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireRequestUser(request);
  await deleteLink({ userId: user.id, linkId: (await params).linkId });
  return new Response(null, { status: 204 });
});
