import { describe, expect, it } from 'vitest';
import { clientIpFromHeaders, normaliseClientIp, trustedProxyHops, UNKNOWN_CLIENT } from './rate-limit-client-ip';

const headers = (values: Record<string, string>) => new Headers(values);

describe('trustedProxyHops', () => {
  it.each([
    [undefined, 0],
    ['', 0],
    ['0', 0],
    ['false', 0],
    ['1', 1],
    ['true', 1],
    ['2', 2],
    ['-1', 0],
    ['lots', 0],
  ])('reads TRUST_PROXY=%s as %i hops', (value, hops) => {
    expect(trustedProxyHops(value)).toBe(hops);
  });
});

describe('clientIpFromHeaders', () => {
  it('without a trusted proxy takes the address Next.js wrote (the only entry)', () => {
    expect(clientIpFromHeaders(headers({ 'x-forwarded-for': '127.0.0.1' }), undefined)).toBe('127.0.0.1');
  });

  it('behind one proxy takes the address the proxy appended, not what the client wrote before it', () => {
    const forged = headers({ 'x-forwarded-for': '10.9.9.9, 203.0.113.7' });
    expect(clientIpFromHeaders(forged, '1')).toBe('203.0.113.7');
    expect(clientIpFromHeaders(forged, 'true')).toBe('203.0.113.7');
  });

  it('behind two proxies takes the second entry from the right', () => {
    const chain = headers({ 'x-forwarded-for': '10.9.9.9, 198.51.100.4, 192.0.2.1' });
    expect(clientIpFromHeaders(chain, '2')).toBe('198.51.100.4');
  });

  it('with fewer entries than hops takes the first', () => {
    expect(clientIpFromHeaders(headers({ 'x-forwarded-for': '198.51.100.4' }), '3')).toBe('198.51.100.4');
  });

  it('falls back to X-Real-IP, then to one shared unknown client', () => {
    expect(clientIpFromHeaders(headers({ 'x-real-ip': '192.0.2.8' }), '1')).toBe('192.0.2.8');
    expect(clientIpFromHeaders(headers({}), undefined)).toBe(UNKNOWN_CLIENT);
    expect(clientIpFromHeaders(headers({ 'x-forwarded-for': 'not an address' }), '1')).toBe(UNKNOWN_CLIENT);
  });
});

describe('normaliseClientIp', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    [' 203.0.113.7:51234 ', '203.0.113.7'],
    ['::ffff:127.0.0.1', '127.0.0.1'],
    ['::FFFF:7f00:1', '127.0.0.1'],
    ['[::ffff:192.0.2.1]:443', '192.0.2.1'],
    ['2001:db8:85a3:1:8a2e:370:7334:1', '2001:db8:85a3:1::/64'],
    ['2001:db8:85a3:1::9', '2001:db8:85a3:1::/64'],
    ['2001:DB8::1', '2001:db8:0:0::/64'],
    ['[2001:db8::1]:8080', '2001:db8:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['::', '0:0:0:0::/64'],
    ['1:2:3:4:5:6:1.2.3.4', '1:2:3:4::/64'],
  ])('%s -> %s', (raw, expected) => {
    expect(normaliseClientIp(raw)).toBe(expected);
  });

  it('treats two addresses of one /64 as one client', () => {
    expect(normaliseClientIp('2001:db8:1:2::a')).toBe(normaliseClientIp('2001:db8:1:2:ffff:ffff:ffff:ffff'));
  });

  it.each([
    '',
    'unknown',
    '256.1.1.1',
    '1.2.3',
    '1:2:3:4:5:6:7:8:9',
    '1::2::3',
    'gggg::1',
    '::ffff:1.2.3.999',
    "'; DROP TABLE",
  ])('refuses %j', (raw) => {
    expect(normaliseClientIp(raw)).toBe(UNKNOWN_CLIENT);
  });
});
