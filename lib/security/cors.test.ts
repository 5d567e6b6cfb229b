import { describe, expect, it } from 'vitest';
import { allowedOrigin, corsPolicy, corsPreflightHeaders, corsResponseHeaders } from './cors';

describe('CORS policy', () => {
  it('allows any origin by default, as "*", for bearer-only answers', () => {
    expect(allowedOrigin(corsPolicy(undefined), 'https://tool.example')).toBe('*');
    expect(allowedOrigin(corsPolicy('*'), 'https://tool.example')).toBe('*');
  });

  it('allows only the configured origins, echoed back, or none', () => {
    const policy = corsPolicy('https://tool.example, http://localhost:8080/');
    expect(allowedOrigin(policy, 'https://tool.example')).toBe('https://tool.example');
    expect(allowedOrigin(policy, 'http://localhost:8080')).toBe('http://localhost:8080');
    expect(allowedOrigin(policy, 'https://evil.example')).toBeNull();
    expect(allowedOrigin(corsPolicy('none'), 'https://tool.example')).toBeNull();
  });

  it('ignores what is not an origin', () => {
    expect(allowedOrigin(corsPolicy('*'), null)).toBeNull();
    expect(allowedOrigin(corsPolicy('*'), 'null')).toBeNull();
    expect(allowedOrigin(corsPolicy('*'), 'https://tool.example/path')).toBeNull();
  });

  it('never allows credentials', () => {
    for (const headers of [corsResponseHeaders('*'), corsPreflightHeaders('https://tool.example')])
      expect(Object.keys(headers)).not.toContain('access-control-allow-credentials');
    expect(corsPreflightHeaders('*')['access-control-allow-headers']).toMatch(/Authorization.*If-Match.*Prefer/);
  });
});
