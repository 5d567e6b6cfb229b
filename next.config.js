// For every answer, including the static files proxy.ts skips. The Content-Security-Policy (with
// its per-request script nonce) is set by proxy.ts alone: two CSP headers would both apply.
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

import { readdirSync } from 'node:fs';

/** The newest migration of this build: GET /api/ready is not ready until the database has it. */
const latestMigration = readdirSync(new URL('./prisma/migrations', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()
  .at(-1);

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  env: { MARGINALIA_LATEST_MIGRATION: latestMigration ?? '' },
  // A self-contained server in .next/standalone (its own traced node_modules): what the image
  // runs and what scripts/server.mjs serves. The root is pinned so a lockfile in a parent folder
  // never moves the output to a nested path.
  output: 'standalone',
  outputFileTracingRoot: import.meta.dirname,
  // Annotation containers are LDP containers, whose IRIs end in "/" (Web Annotation Protocol
  // §4): proxy.ts keeps that slash there and redirects it away everywhere else, as Next would.
  skipTrailingSlashRedirect: true,
  // Native and driver packages stay plain Node modules instead of being bundled.
  serverExternalPackages: ['@node-rs/argon2', 'pg', '@prisma/adapter-pg', 'pino', 'pg-boss', 'nodemailer'],
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
