import NextAuth from 'next-auth';
import { authOptions } from '@/server/auth/auth-options';
import { throttledSignIn } from '@/server/auth/throttled-sign-in';

const handler = NextAuth(authOptions);

// Credentials sign-ins are rate-limited before next-auth sees them (429 + Retry-After).
const POST = throttledSignIn(handler);

export { handler as GET, POST };
