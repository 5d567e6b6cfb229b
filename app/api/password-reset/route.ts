import { NextResponse } from 'next/server';
import { clientIpFromHeaders } from '@/lib/security/rate-limit-client-ip';
import { PASSWORD_RESET_ANSWER } from '@/lib/domain/mail/account-mails';
import { ZRequestPasswordReset } from '@/lib/validation/account';
import { requestPasswordReset } from '@/server/data/account/password-reset';
import { jsonRoute } from '@/server/http/json-route';
import { readJsonBody } from '@/server/http/read-json-body';

/** Public. The same answer whether or not the address has an account. */
export const POST = jsonRoute(async (request) => {
  const { email } = await readJsonBody(request, ZRequestPasswordReset, 4 * 1024);
  await requestPasswordReset({ email, ip: clientIpFromHeaders(request.headers, process.env.TRUST_PROXY) });
  return NextResponse.json({ message: PASSWORD_RESET_ANSWER }, { status: 202 });
});
