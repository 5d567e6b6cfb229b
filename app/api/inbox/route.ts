import { NextResponse } from 'next/server';
import { requireRequestUser } from '@/server/auth/request-user';
import { listInbox } from '@/server/data/inbox/inbox';
import { jsonRoute } from '@/server/http/json-route';

export const GET = jsonRoute(async (request) => {
  const user = await requireRequestUser(request);
  const items = await listInbox(user.id);
  return NextResponse.json({ unread: items.filter((item) => !item.readAt).length, items });
});
