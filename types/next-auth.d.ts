import type { DefaultSession } from 'next-auth';

declare module 'next-auth' {
  interface Session {
    user: { id: string } & DefaultSession['user'];
    /** The server-side session (AuthSession) this JWT belongs to. */
    sessionId?: string;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    /** AuthSession id: the session is valid only while that row exists. */
    sid?: string;
  }
}
