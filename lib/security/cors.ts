// CORS for other annotation tools: requests authenticated by a personal access token may come
// from any allowed origin, since the token is the credential. Cookies never cross: no answer
// carries Access-Control-Allow-Credentials, so a browser refuses to send or expose a
// credentialed cross-origin request, and cookie requests from other origins stay refused by
// the CSRF check (same-origin.ts).
import { normalizeOrigin } from './same-origin';

export type CorsPolicy = { anyOrigin: true } | { anyOrigin: false; origins: ReadonlySet<string> };

/**
 * `CORS_ALLOWED_ORIGINS`: unset or `*` allows any origin (bearer requests only); a comma-separated
 * list allows those; `none` allows none.
 */
export function corsPolicy(setting: string | undefined): CorsPolicy {
  const value = setting?.trim() ?? '*';
  if (value === '' || value === '*') return { anyOrigin: true };
  if (value.toLowerCase() === 'none') return { anyOrigin: false, origins: new Set() };
  const origins = value
    .split(',')
    .map((origin) => normalizeOrigin(origin))
    .filter((origin): origin is string => origin !== null);
  return { anyOrigin: false, origins: new Set(origins) };
}

/** The Access-Control-Allow-Origin value for this Origin, or null when it is not allowed. */
export function allowedOrigin(policy: CorsPolicy, origin: string | null): string | null {
  if (!origin) return null;
  const normalized = normalizeOrigin(origin);
  if (!normalized) return null;
  if (policy.anyOrigin) return '*';
  return policy.origins.has(normalized) ? normalized : null;
}

export const CORS_ALLOWED_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS';
export const CORS_ALLOWED_HEADERS =
  'Authorization, Content-Type, Accept, If-Match, If-None-Match, Prefer, Slug, Idempotency-Key';
/** What a tool needs to read from our answers: paging, concurrency and protocol headers. */
export const CORS_EXPOSED_HEADERS =
  'ETag, Location, Link, Content-Location, Allow, Accept-Post, Vary, Preference-Applied, Retry-After, Idempotent-Replayed';

/** Headers for an answer to a token-authenticated request from an allowed origin. */
export function corsResponseHeaders(allowed: string): Record<string, string> {
  return {
    'access-control-allow-origin': allowed,
    'access-control-expose-headers': CORS_EXPOSED_HEADERS,
    ...(allowed === '*' ? {} : { vary: 'Origin' }),
  };
}

/** The answer to a pre-flight (OPTIONS with Access-Control-Request-Method). */
export function corsPreflightHeaders(allowed: string): Record<string, string> {
  return {
    'access-control-allow-origin': allowed,
    'access-control-allow-methods': CORS_ALLOWED_METHODS,
    'access-control-allow-headers': CORS_ALLOWED_HEADERS,
    'access-control-max-age': '600',
    ...(allowed === '*' ? {} : { vary: 'Origin' }),
  };
}
