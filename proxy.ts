// Next.js 16 Proxy (formerly middleware): a fresh CSP nonce and the security headers for every
// page and API answer. It authorizes nothing: every page and route handler checks the session
// itself (server/auth/*), and route handlers refuse cross-site writes (server/http/json-route.ts),
// so a request that skips this file — or forges `x-middleware-subrequest` — gains nothing.
import { NextResponse, type NextRequest } from 'next/server';
import { buildContentSecurityPolicy, generateNonce, SECURITY_HEADERS } from '@/lib/security/content-security-policy';

function servedOverHttps(request: NextRequest): boolean {
  if (request.nextUrl.protocol === 'https:') return true;
  if (request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https') return true;
  return process.env.NEXTAUTH_URL?.startsWith('https:') ?? false;
}

/**
 * A path whose percent-encoding is not UTF-8 ("/w/%FF") makes Next.js throw while decoding the
 * route's params, before any page or handler can refuse it: that was a 500 on every dynamic
 * route. It names nothing, so it is "not found" here.
 */
function undecodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

export function proxy(request: NextRequest) {
  if (undecodablePath(request.nextUrl.pathname)) {
    const notFound = NextResponse.json({ error: { code: 'NOT_FOUND', message: 'Not found.' } }, { status: 404 });
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) notFound.headers.set(name, value);
    return notFound;
  }
  const nonce = generateNonce();
  const policy = buildContentSecurityPolicy({
    nonce,
    development: process.env.NODE_ENV === 'development',
    upgradeInsecureRequests: process.env.NODE_ENV === 'production' && servedOverHttps(request),
  });

  // Next.js reads the nonce from the request's CSP header and puts it on its own scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', policy);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but build assets and the icon files (next.config.js gives those the static headers).
  matcher: ['/((?!_next/static|_next/image|favicon\\.ico|icon\\.svg|apple-icon|robots\\.txt).*)'],
};
