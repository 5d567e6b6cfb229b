// Next.js 16 Proxy (formerly middleware): a fresh CSP nonce and the security headers for every
// page and API answer. It authorizes nothing: every page and route handler checks the session
// itself (server/auth/*), and route handlers refuse cross-site writes (server/http/json-route.ts),
// so a request that skips this file — or forges `x-middleware-subrequest` — gains nothing.
import { NextResponse, type NextRequest } from 'next/server';
import { buildContentSecurityPolicy, generateNonce, SECURITY_HEADERS } from '@/lib/security/content-security-policy';
import { allowedOrigin, corsPolicy, corsPreflightHeaders } from '@/lib/security/cors';
import { annotationServiceLink } from '@/lib/domain/web-annotation/http';
import { resourceUrls } from '@/lib/domain/web-annotation/iris';

/** An article page: it advertises its annotation container (Web Annotation Protocol §4.1). */
const ARTICLE_PAGE = /^\/w\/[^/]+\/articles\/([0-9a-f-]{36})$/i;

/**
 * A CORS pre-flight for the API from an allowed origin (lib/security/cors.ts). Granting it
 * authorizes nothing: the request that follows is judged by its token, and cookie requests
 * from other origins are refused by the route's CSRF check.
 */
function preflight(request: NextRequest): NextResponse | null {
  if (request.method !== 'OPTIONS' || !request.headers.get('access-control-request-method')) return null;
  if (!request.nextUrl.pathname.startsWith('/api/')) return null;
  const allowed = allowedOrigin(corsPolicy(process.env.CORS_ALLOWED_ORIGINS), request.headers.get('origin'));
  if (!allowed) return null;
  return new NextResponse(null, { status: 204, headers: corsPreflightHeaders(allowed) });
}

function servedOverHttps(request: NextRequest): boolean {
  if (request.nextUrl.protocol === 'https:') return true;
  if (request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https') return true;
  return process.env.NEXTAUTH_URL?.startsWith('https:') ?? false;
}

/** Only annotation containers keep their trailing slash (next.config's skipTrailingSlashRedirect). */
const CONTAINER_PATH = /^\/api\/articles\/[^/]+\/annotations\/$/;

function trailingSlashRedirect(request: NextRequest): NextResponse | null {
  const { pathname } = request.nextUrl;
  if (pathname.length < 2 || !pathname.endsWith('/') || CONTAINER_PATH.test(pathname)) return null;
  const url = request.nextUrl.clone();
  url.pathname = pathname.replace(/\/+$/, '') || '/';
  return NextResponse.redirect(url, 308);
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
  const early = preflight(request) ?? trailingSlashRedirect(request);
  if (early) return early;
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
  const article = ARTICLE_PAGE.exec(request.nextUrl.pathname);
  if (article) {
    // The container answers only members, so naming it on the page reveals nothing.
    const origin = process.env.NEXTAUTH_URL ? new URL(process.env.NEXTAUTH_URL).origin : request.nextUrl.origin;
    response.headers.set('link', annotationServiceLink(resourceUrls(origin).container(article[1]!)));
  }
  return response;
}

export const config = {
  // Everything but build assets and the icon files (next.config.js gives those the static headers).
  matcher: ['/((?!_next/static|_next/image|favicon\\.ico|icon\\.svg|apple-icon|robots\\.txt).*)'],
};
