import 'server-only';
import { NextResponse } from 'next/server';
import { AppError, isAppError } from '@/lib/errors';
import { isDatabaseUnavailable } from '@/lib/database-unavailable';
import { allowedOrigin, corsPolicy, corsResponseHeaders } from '@/lib/security/cors';
import { checkSameOrigin, hasBearerToken } from '@/lib/security/same-origin';
import { isTokenAuthenticated } from '../auth/request-user';
import { requestOrigin } from './request-origin';

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/**
 * Every API route handler goes through here, so this is where CSRF is refused: a POST, PUT,
 * PATCH or DELETE not authenticated by a valid token must carry `Origin` equal to the app's
 * own origin (lib/security/same-origin.ts). The token is looked up only when the Origin check
 * alone would refuse, and once per request (the handler reuses the result). This is the handler's own check, not the proxy's: a
 * request that skips proxy.ts (or forges `x-middleware-subrequest`) is refused all the same.
 * next-auth's route does not use this wrapper; its POST endpoints check next-auth's own
 * double-submit CSRF token. The app has no server actions; Next.js itself compares their
 * Origin with Host and refuses a mismatch.
 */
async function refuseCrossSite(request: Request): Promise<void> {
  let decision = checkSameOrigin(request, requestOrigin(request));
  if (!decision.allowed && hasBearerToken(request.headers)) {
    decision = checkSameOrigin(request, requestOrigin(request), await isTokenAuthenticated(request));
  }
  if (!decision.allowed) {
    throw new AppError('CSRF', {
      message: `Cross-site request refused (${decision.reason}): ${request.method} ${new URL(request.url).pathname}`,
      userMessage: 'Cross-site request refused.',
    });
  }
}

/**
 * Answers to requests that carry a Bearer token are readable by other origins' tools
 * (lib/security/cors.ts): such a request is judged by its token alone, never its cookie, so
 * the answer holds nothing the cookie unlocked. Tools can read a 401 too, to say the token is wrong.
 */
async function withCors(request: Request, response: Response): Promise<Response> {
  if (!hasBearerToken(request.headers)) return response;
  const allowed = allowedOrigin(corsPolicy(process.env.CORS_ALLOWED_ORIGINS), request.headers.get('origin'));
  if (!allowed) return response;
  for (const [name, value] of Object.entries(corsResponseHeaders(allowed))) {
    if (name === 'vary') response.headers.append(name, value);
    else response.headers.set(name, value);
  }
  return response;
}

/** Maps AppError to its status with a JSON body; anything else is logged and answered 500 without details. */
export function jsonRoute<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      await refuseCrossSite(request);
      return await withCors(request, await handler(request, context));
    } catch (error) {
      if (isAppError(error)) {
        return withCors(
          request,
          NextResponse.json(
            { error: { code: error.code, message: error.userMessage, fields: error.fieldErrors } },
            { status: error.status, headers: error.headers },
          ),
        );
      }
      if (isDatabaseUnavailable(error)) {
        // The pool reconnects by itself once Postgres is back; clients should simply retry.
        console.error('Database unavailable', (error as Error).message);
        return NextResponse.json(
          { error: { code: 'UNAVAILABLE', message: 'The service is briefly unavailable. Please try again shortly.' } },
          { status: 503, headers: { 'retry-after': '5' } },
        );
      }
      console.error('Unhandled error in route handler', error);
      return NextResponse.json(
        { error: { code: 'INTERNAL', message: 'Something went wrong on our side. Please try again.' } },
        { status: 500 },
      );
    }
  };
}
