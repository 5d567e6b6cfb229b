// CSRF defence for the API's route handlers: a state-changing request authenticated by the
// session cookie must come from a page of this app, which browsers prove with the Origin
// header (set on every cross-origin request and every non-GET fetch, and not forgeable by
// page scripts). No Origin, `Origin: null` (sandboxed frames, data: URLs, some redirects) or
// any other origin is refused. Calls *authenticated by a valid personal access token* are
// exempt: the token is the credential, a browser never attaches it on its own, and such a
// call is never also authenticated by the cookie (server/auth). The mere presence of an
// `Authorization: Bearer` header exempts nothing: a cookie request with a made-up token from
// another site must still be refused.

export type SameOriginDecision =
  | { allowed: true; reason: 'safe-method' | 'bearer-token' | 'same-origin' }
  | { allowed: false; reason: 'missing-origin' | 'null-origin' | 'foreign-origin' | 'cross-site-fetch' };

type HeaderReader = { get(name: string): string | null };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True for methods that may change state: POST, PUT, PATCH, DELETE and anything unknown. */
export function isStateChangingMethod(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/** True when the request carries a Bearer token (valid or not: the caller checks that). */
export function hasBearerToken(headers: HeaderReader): boolean {
  return /^\s*bearer\s+\S+\s*$/i.test(headers.get('authorization') ?? '');
}

/** `scheme://host[:port]`, lower-cased, default port dropped; null when it is not a plain origin. */
export function normalizeOrigin(value: string): string | null {
  const trimmed = value.trim();
  if (!/^https?:\/\/[^/?#@\s,]+\/?$/i.test(trimmed)) return null;
  try {
    return new URL(trimmed).origin;
  } catch {
    return null;
  }
}

/**
 * Decides whether a request may reach its handler. `appOrigin` is the app's own public origin
 * (NEXTAUTH_URL's, else the request URL's). `Sec-Fetch-Site` is only an extra signal: when a
 * browser says the request is cross-site, it is refused even with a matching Origin, but it
 * never stands in for a missing Origin.
 */
export function checkSameOrigin(
  request: { method: string; headers: HeaderReader },
  appOrigin: string,
  /** Whether the request's Bearer token was looked up and is valid (server/auth/request-user.ts). */
  tokenAuthenticated = false,
): SameOriginDecision {
  if (!isStateChangingMethod(request.method)) return { allowed: true, reason: 'safe-method' };
  if (tokenAuthenticated && hasBearerToken(request.headers)) return { allowed: true, reason: 'bearer-token' };

  const origin = request.headers.get('origin')?.trim();
  if (!origin) return { allowed: false, reason: 'missing-origin' };
  if (origin.toLowerCase() === 'null') return { allowed: false, reason: 'null-origin' };
  if (normalizeOrigin(origin) !== new URL(appOrigin).origin) return { allowed: false, reason: 'foreign-origin' };

  const fetchSite = request.headers.get('sec-fetch-site')?.trim().toLowerCase();
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') return { allowed: false, reason: 'cross-site-fetch' };
  return { allowed: true, reason: 'same-origin' };
}
