import { describe, expect, it } from 'vitest';
import { checkSameOrigin, isStateChangingMethod, normalizeOrigin } from './same-origin';

const APP = 'http://127.0.0.1:3100';

function request(method: string, headers: Record<string, string> = {}) {
  return { method, headers: new Headers(headers) };
}

describe('isStateChangingMethod', () => {
  it('treats everything but GET, HEAD and OPTIONS as state-changing', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'post', 'PROPFIND'])
      expect(isStateChangingMethod(method)).toBe(true);
    for (const method of ['GET', 'HEAD', 'OPTIONS', 'get']) expect(isStateChangingMethod(method)).toBe(false);
  });
});

describe('checkSameOrigin', () => {
  it('lets safe methods through without an Origin', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS'])
      expect(checkSameOrigin(request(method), APP)).toEqual({ allowed: true, reason: 'safe-method' });
  });

  it('accepts each state-changing method from the app itself', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'])
      expect(checkSameOrigin(request(method, { origin: APP }), APP)).toEqual({ allowed: true, reason: 'same-origin' });
  });

  it('refuses each state-changing method without an Origin', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      expect(checkSameOrigin(request(method), APP)).toEqual({ allowed: false, reason: 'missing-origin' });
      expect(checkSameOrigin(request(method, { origin: '  ' }), APP)).toEqual({
        allowed: false,
        reason: 'missing-origin',
      });
    }
  });

  it('refuses Origin: null (sandboxed frames, data: URLs, cross-site redirects)', () => {
    expect(checkSameOrigin(request('POST', { origin: 'null' }), APP)).toEqual({
      allowed: false,
      reason: 'null-origin',
    });
    expect(checkSameOrigin(request('DELETE', { origin: 'NULL' }), APP)).toEqual({
      allowed: false,
      reason: 'null-origin',
    });
  });

  it('refuses other sites, ports, schemes and look-alike hosts', () => {
    for (const origin of [
      'https://evil.example',
      'http://127.0.0.1:3101',
      'http://127.0.0.1',
      'https://127.0.0.1:3100',
      'http://localhost:3100',
      'http://127.0.0.1:3100.evil.example',
      'http://evil.example#http://127.0.0.1:3100',
      'http://user@127.0.0.1:3100',
      'http://127.0.0.1:3100/path',
      'http://127.0.0.1:3100, https://evil.example',
      'file://',
      'not a url',
    ])
      expect(checkSameOrigin(request('POST', { origin }), APP), origin).toEqual({
        allowed: false,
        reason: 'foreign-origin',
      });
  });

  it('accepts the same origin spelled with a trailing slash, other case or the default port', () => {
    expect(checkSameOrigin(request('POST', { origin: `${APP}/` }), APP).allowed).toBe(true);
    expect(checkSameOrigin(request('POST', { origin: 'HTTP://127.0.0.1:3100' }), APP).allowed).toBe(true);
    expect(checkSameOrigin(request('POST', { origin: 'https://app.example:443' }), 'https://app.example').allowed).toBe(
      true,
    );
    expect(checkSameOrigin(request('POST', { origin: 'https://app.example' }), 'https://app.example/').allowed).toBe(
      true,
    );
  });

  it('exempts calls authenticated by a valid token, which browsers never send on their own', () => {
    expect(checkSameOrigin(request('POST', { authorization: 'Bearer mgl_abc' }), APP, true)).toEqual({
      allowed: true,
      reason: 'bearer-token',
    });
    expect(
      checkSameOrigin(request('DELETE', { authorization: 'bearer mgl_abc', origin: 'null' }), APP, true).allowed,
    ).toBe(true);
  });

  it('does not exempt a Bearer header that did not authenticate the request (#11 item 15)', () => {
    // A cookie request with a made-up token from another site: refused like any cross-site write.
    expect(
      checkSameOrigin(request('POST', { authorization: 'Bearer bogus', origin: 'https://evil.example' }), APP),
    ).toEqual({ allowed: false, reason: 'foreign-origin' });
    expect(checkSameOrigin(request('POST', { authorization: 'Bearer mgl_abc' }), APP, false)).toEqual({
      allowed: false,
      reason: 'missing-origin',
    });
  });

  it('does not exempt other or empty Authorization schemes', () => {
    for (const authorization of ['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer ', 'Token mgl_abc', 'mgl_abc'])
      expect(checkSameOrigin(request('POST', { authorization }), APP, true), authorization).toEqual({
        allowed: false,
        reason: 'missing-origin',
      });
  });

  it('uses Sec-Fetch-Site only as an extra signal, never instead of Origin', () => {
    expect(checkSameOrigin(request('POST', { origin: APP, 'sec-fetch-site': 'same-origin' }), APP).allowed).toBe(true);
    expect(checkSameOrigin(request('POST', { origin: APP, 'sec-fetch-site': 'cross-site' }), APP)).toEqual({
      allowed: false,
      reason: 'cross-site-fetch',
    });
    expect(checkSameOrigin(request('POST', { origin: APP, 'sec-fetch-site': 'same-site' }), APP).allowed).toBe(false);
    expect(checkSameOrigin(request('POST', { 'sec-fetch-site': 'same-origin' }), APP)).toEqual({
      allowed: false,
      reason: 'missing-origin',
    });
  });
});

describe('normalizeOrigin', () => {
  it('gives scheme://host[:port] or null', () => {
    expect(normalizeOrigin('https://Example.COM:443/')).toBe('https://example.com');
    expect(normalizeOrigin('http://127.0.0.1:3100')).toBe('http://127.0.0.1:3100');
    expect(normalizeOrigin('http://127.0.0.1:3100/x')).toBeNull();
    expect(normalizeOrigin('javascript:alert(1)')).toBeNull();
    expect(normalizeOrigin('null')).toBeNull();
  });
});
