import { NextResponse } from 'next/server';
import { RATE_LIMITS } from '@/lib/security/rate-limit';
import { ZCreateApiToken } from '@/lib/validation/tokens';
import { requireApiUser } from '@/server/auth/session';
import { createApiToken, listApiTokens } from '@/server/data/tokens/api-tokens';
import { jsonRoute } from '@/server/http/json-route';
import { readJsonBody } from '@/server/http/read-json-body';
import { enforceRateLimit } from '@/server/security/enforce-rate-limit';

// Session only: a token cannot mint or list tokens.
export const GET = jsonRoute(async () => {
  const user = await requireApiUser();
  return NextResponse.json({ tokens: await listApiTokens(user.id) });
});

export const POST = jsonRoute(async (request) => {
  const user = await requireApiUser();
  const { name } = await readJsonBody(request, ZCreateApiToken);
  await enforceRateLimit(RATE_LIMITS.tokenCreations, user.id, 'Too many API tokens created.');
  return NextResponse.json(await createApiToken({ userId: user.id, name }), { status: 201 });
});
