import { NextResponse } from 'next/server';
import { z } from 'zod';
import { requireRequestUser } from '@/server/auth/request-user';
import { markMentionsRead } from '@/server/data/inbox/inbox';
import { jsonRoute } from '@/server/http/json-route';
import { readJsonBody } from '@/server/http/read-json-body';

const ZMarkRead = z.object({ ids: z.array(z.uuid()).max(500).optional() });

/** `{ "ids": [...] }` marks those mentions read; `{}` marks all. */
export const POST = jsonRoute(async (request) => {
  const user = await requireRequestUser(request);
  const { ids } = await readJsonBody(request, ZMarkRead);
  return NextResponse.json({ marked: await markMentionsRead({ userId: user.id, ids }) });
});
