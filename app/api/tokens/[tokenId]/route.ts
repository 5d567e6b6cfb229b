import { NextResponse } from 'next/server';
import { requireApiUser } from '@/server/auth/session';
import { revokeApiToken } from '@/server/data/tokens/api-tokens';
import { jsonRoute } from '@/server/http/json-route';

type Context = { params: Promise<{ tokenId: string }> };

export const DELETE = jsonRoute<Context>(async (_request, { params }) => {
  const user = await requireApiUser();
  await revokeApiToken({ userId: user.id, tokenId: (await params).tokenId });
  return new NextResponse(null, { status: 204 });
});
