import { describe, expect, it } from 'vitest';
import {
  buildContentSecurityPolicy,
  generateNonce,
  parseContentSecurityPolicy,
  SECURITY_HEADERS,
} from './content-security-policy';

const nonce = 'c2VjcmV0LW5vbmNlLTEyMzQ1Ng==';
const production = { nonce, development: false, upgradeInsecureRequests: false };

describe('buildContentSecurityPolicy', () => {
  it('is the exact production policy', () => {
    expect(buildContentSecurityPolicy(production)).toBe(
      `default-src 'self'; script-src 'self' 'nonce-${nonce}' 'strict-dynamic'; style-src 'self' 'unsafe-inline'; ` +
        "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'none'",
    );
  });

  it('never lets inline scripts or eval run in production', () => {
    const scriptSrc = parseContentSecurityPolicy(buildContentSecurityPolicy(production)).get('script-src')!;
    expect(scriptSrc).toContain(`'nonce-${nonce}'`);
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(scriptSrc).not.toContain('*');
    expect(scriptSrc).not.toContain('data:');
  });

  it("allows 'unsafe-eval' in development only", () => {
    const policy = parseContentSecurityPolicy(buildContentSecurityPolicy({ ...production, development: true }));
    expect(policy.get('script-src')).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", "'unsafe-eval'"]);
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('adds upgrade-insecure-requests only when asked', () => {
    expect(parseContentSecurityPolicy(buildContentSecurityPolicy(production)).has('upgrade-insecure-requests')).toBe(
      false,
    );
    const https = buildContentSecurityPolicy({ ...production, upgradeInsecureRequests: true });
    expect(https.endsWith('; upgrade-insecure-requests')).toBe(true);
  });

  it('forbids framing, plugins, foreign base URLs and form targets', () => {
    const policy = parseContentSecurityPolicy(buildContentSecurityPolicy(production));
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
  });

  it('refuses a nonce that could break out of the header or is too short to be secret', () => {
    for (const bad of ['', 'short', "abc' 'unsafe-inline", 'aGVsbG8gd29ybGQgaGVsbG8=; script-src *'])
      expect(() => buildContentSecurityPolicy({ ...production, nonce: bad }), bad).toThrow();
  });
});

describe('generateNonce', () => {
  it('is base64 of 16 random bytes, new every time', () => {
    const nonces = new Set(Array.from({ length: 1000 }, generateNonce));
    expect(nonces.size).toBe(1000);
    for (const value of nonces) {
      expect(value).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(Buffer.from(value, 'base64')).toHaveLength(16);
      expect(() => buildContentSecurityPolicy({ ...production, nonce: value })).not.toThrow();
    }
  });
});

describe('SECURITY_HEADERS', () => {
  it('sends nosniff, a referrer policy, no framing, no powerful features and an isolated opener', () => {
    expect(SECURITY_HEADERS).toEqual({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'X-Frame-Options': 'DENY',
      'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
      'Cross-Origin-Opener-Policy': 'same-origin',
    });
  });
});
