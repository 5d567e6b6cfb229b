// For every answer, including the static files proxy.ts skips. The Content-Security-Policy (with
// its per-request script nonce) is set by proxy.ts alone: two CSP headers would both apply.
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Annotation containers are LDP containers, whose IRIs end in "/" (Web Annotation Protocol
  // §4): proxy.ts keeps that slash there and redirects it away everywhere else, as Next would.
  skipTrailingSlashRedirect: true,
  // Native and driver packages stay plain Node modules instead of being bundled.
  serverExternalPackages: ['@node-rs/argon2', 'pg', '@prisma/adapter-pg'],
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
