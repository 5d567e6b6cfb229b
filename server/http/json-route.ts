import 'server-only';
import { NextResponse } from 'next/server';
import { AppError, isAppError } from '@/lib/errors';
import { isDatabaseUnavailable } from '@/lib/database-unavailable';
import { checkSameOrigin } from '@/lib/security/same-origin';
import { requestOrigin } from './request-origin';

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/**
 * Every API route handler goes through here, so this is where CSRF is refused: a POST, PUT,
 * PATCH or DELETE without `Authorization: Bearer …` must carry `Origin` equal to the app's own
 * origin (lib/security/same-origin.ts). This is the handler's own check, not the proxy's: a
 * request that skips proxy.ts (or forges `x-middleware-subrequest`) is refused all the same.
 * next-auth's route does not use this wrapper; its POST endpoints check next-auth's own
 * double-submit CSRF token. The app has no server actions; Next.js itself compares their
 * Origin with Host and refuses a mismatch.
 */
function refuseCrossSite(request: Request): void {
  const decision = checkSameOrigin(request, requestOrigin(request));
  if (!decision.allowed) {
    throw new AppError('CSRF', {
      message: `Cross-site request refused (${decision.reason}): ${request.method} ${new URL(request.url).pathname}`,
      userMessage: 'Cross-site request refused.',
    });
  }
}

/** Maps AppError to its status with a JSON body; anything else is logged and answered 500 without details. */
export function jsonRoute<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      refuseCrossSite(request);
      return await handler(request, context);
    } catch (error) {
      if (isAppError(error)) {
        return NextResponse.json(
          { error: { code: error.code, message: error.userMessage, fields: error.fieldErrors } },
          { status: error.status, headers: error.headers },
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
