import { NextResponse } from 'next/server';
import { ZResetPassword } from '@/lib/validation/account';
import { resetPassword } from '@/server/data/account/password-reset';
import { jsonRoute } from '@/server/http/json-route';
import { readJsonBody } from '@/server/http/read-json-body';

/** Public: the token from the reset mail is the proof. Ends every session of the account. */
export const POST = jsonRoute(async (request) => {
  await resetPassword(await readJsonBody(request, ZResetPassword, 4 * 1024));
  return NextResponse.json({ reset: true });
});
