import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { SIGN_IN_RATE_LIMITED_ERROR } from '@/lib/security/rate-limit';
import { clientIpFromHeaders } from '@/lib/security/rate-limit-client-ip';
import { ZSignIn } from '@/lib/validation/auth';
import { createAuthSession, endAuthSession, SESSION_MAX_AGE_SECONDS } from '../data/sessions/auth-sessions';
import { authenticateUser } from '../data/users/authenticate-user';
import { beginSignIn, currentSignInAttempt, type SignInAttempt } from '../security/sign-in-throttle';

export const SIGN_IN_PATH = '/signin';

/**
 * The sign-in route (app/api/auth/[...nextauth]/route.ts, via server/auth/throttled-sign-in.ts)
 * begins the rate-limited attempt before next-auth runs and answers 429 itself when it is
 * refused. Should `authorize` ever run without one, it begins its own, and a refusal becomes
 * next-auth's `?error=RateLimited` (still before any hash is computed).
 */
async function signInAttempt(
  credentials: Record<string, unknown> | undefined,
  headers: Record<string, unknown> | undefined,
): Promise<SignInAttempt> {
  const current = currentSignInAttempt();
  if (current) return current;
  const header = (name: string) => (typeof headers?.[name] === 'string' ? (headers[name] as string) : null);
  const decision = await beginSignIn({
    ip: clientIpFromHeaders({ get: header }, process.env.TRUST_PROXY),
    email: credentials?.email,
  });
  if (!decision.allowed) throw new Error(SIGN_IN_RATE_LIMITED_ERROR);
  return decision.attempt;
}

export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: SIGN_IN_PATH, error: SIGN_IN_PATH },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, request) {
        const attempt = await signInAttempt(credentials, request?.headers);
        // The account's recent failures slow this check down rather than refuse it (sign-in-throttle.ts).
        if (attempt.delayMs) await new Promise((resolve) => setTimeout(resolve, attempt.delayMs));
        const parsed = ZSignIn.safeParse(credentials ?? {});
        const user = parsed.success ? await authenticateUser(parsed.data) : null;
        await attempt.settle(user ? 'success' : 'failure');
        return user;
      },
    }),
  ],
  callbacks: {
    // A JWT alone cannot be revoked, so each sign-in gets a server-side session row whose id the
    // token carries; server/auth/session.ts accepts the token only while that row lives.
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sid = await createAuthSession(user.id);
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) session.user.id = token.sub;
      if (token.sid) session.sessionId = token.sid;
      return session;
    },
  },
  events: {
    // POST /api/auth/signout: end the session on the server too, not only the cookie.
    async signOut({ token }) {
      if (token?.sid) await endAuthSession(token.sid);
    },
  },
};
