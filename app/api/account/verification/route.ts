import { NextResponse } from 'next/server';
import { requireApiUser } from '@/server/auth/session';
import { resendVerificationMail } from '@/server/data/account/email-verification';
import { jsonRoute } from '@/server/http/json-route';

/** Mails the signed-in user a new link to confirm their address. */
export const POST = jsonRoute(async () => {
  const user = await requireApiUser();
  await resendVerificationMail(user.id);
  return NextResponse.json({ sent: true }, { status: 202 });
});
