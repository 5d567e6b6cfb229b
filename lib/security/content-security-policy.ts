// The Content-Security-Policy and the other security headers every response carries.
// Pure functions, so the exact policy is unit-tested; proxy.ts applies them per request.

export type CspOptions = {
  /** Base64 nonce of this request; Next.js reads it back from the request's CSP header. */
  nonce: string;
  /** `next dev`: React rebuilds server error stacks with eval, so 'unsafe-eval' is allowed there only. */
  development: boolean;
  /** Only when the app is served over https; it would break plain-http test servers. */
  upgradeInsecureRequests: boolean;
};

const NONCE = /^[A-Za-z0-9+/]{16,}={0,2}$/;

/**
 * Scripts run only with this request's nonce (and what those scripts load, via 'strict-dynamic'):
 * no 'unsafe-inline' for scripts. Styles keep 'unsafe-inline' because React `style` attributes and
 * the editor's inline styles cannot carry a nonce.
 */
export function buildContentSecurityPolicy({ nonce, development, upgradeInsecureRequests }: CspOptions): string {
  if (!NONCE.test(nonce)) throw new Error('A CSP nonce must be base64 of at least 12 random bytes.');
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    ['style-src', "'self'", "'unsafe-inline'"],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'"],
    // 'self' also covers same-origin ws:/wss: (CSP 3), so `next dev` hot reload needs nothing more.
    ['connect-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
  ];
  if (upgradeInsecureRequests) directives.push(['upgrade-insecure-requests']);
  return directives.map((directive) => directive.join(' ')).join('; ');
}

/** Headers for every response besides the CSP. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** 16 bytes from the platform CSPRNG, base64 (works in Node and in edge runtimes). */
export function generateNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** The directives of a policy as a map, for tests and checks: "script-src" → ["'self'", …]. */
export function parseContentSecurityPolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), values);
  }
  return directives;
}
