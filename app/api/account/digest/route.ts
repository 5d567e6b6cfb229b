import { NextResponse } from 'next/server';
import { ZDailyDigest } from '@/lib/validation/account';
import { requireApiUser } from '@/server/auth/session';
import { setDailyDigest } from '@/server/data/account/set-daily-digest';
import { jsonRoute } from '@/server/http/json-route';
import { readJsonBody } from '@/server/http/read-json-body';

/** Turns the daily digest mail on or off. Session only: a token cannot edit the account. */
export const PUT = jsonRoute(async (request) => {
  const user = await requireApiUser();
  const { enabled } = await readJsonBody(request, ZDailyDigest, 1024);
  return NextResponse.json(await setDailyDigest({ userId: user.id, enabled }));
});
