import { NextResponse } from 'next/server';
import { SIGN_UP_ANSWER } from '@/lib/domain/mail/account-mails';
import { clientIpFromHeaders } from '@/lib/security/rate-limit-client-ip';
import { ZSignUp } from '@/lib/validation/auth';
import { signUpUser } from '@/server/data/users/sign-up-user';
import { jsonRoute } from '@/server/http/json-route';
import { readJsonBody } from '@/server/http/read-json-body';

const SIGN_UP_BODY_LIMIT = 4 * 1024;

/**
 * Public by design: creates an account and its personal workspace. Answers 202 with the same
 * body whether the address was new or already had an account (whose owner is mailed instead).
 */
export const POST = jsonRoute(async (request) => {
  const input = await readJsonBody(request, ZSignUp, SIGN_UP_BODY_LIMIT);
  await signUpUser({ ...input, ip: clientIpFromHeaders(request.headers, process.env.TRUST_PROXY) });
  return NextResponse.json({ message: SIGN_UP_ANSWER }, { status: 202 });
});
