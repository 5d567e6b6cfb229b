import NextAuth from 'next-auth';
import { NextResponse } from 'next/server';
import { parseCallbackUrl } from '@/lib/safe-callback-url';
import { authOptions } from '@/server/auth/auth-options';
import { throttledSignIn } from '@/server/auth/throttled-sign-in';

const handler = NextAuth(authOptions);

// Credentials sign-ins are rate-limited before next-auth sees them (429 + Retry-After).
const POST = throttledSignIn(handler);

// next-auth throws (a 500) on a `?callbackUrl=` it cannot use; the app never sends one to these
// endpoints, so one that is not a path of the app is refused here with a 422.
async function GET(request: Request, context: unknown) {
  const callbackUrl = new URL(request.url).searchParams.get('callbackUrl');
  if (callbackUrl !== null && !parseCallbackUrl(callbackUrl))
    return NextResponse.json(
      { error: { code: 'INVALID_INPUT', message: 'The callbackUrl must be a path of this app.' } },
      { status: 422 },
    );
  return handler(request, context);
}

export { GET, POST };
