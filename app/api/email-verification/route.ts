import { NextResponse } from 'next/server';
import { ZVerifyEmail } from '@/lib/validation/account';
import { verifyEmail } from '@/server/data/account/email-verification';
import { jsonRoute } from '@/server/http/json-route';
import { readJsonBody } from '@/server/http/read-json-body';

/** Public: the token from the mail is the proof. A POST, so a mail scanner fetching the link confirms nothing. */
export const POST = jsonRoute(async (request) => {
  const { token } = await readJsonBody(request, ZVerifyEmail, 4 * 1024);
  return NextResponse.json({ verified: await verifyEmail(token) });
});
