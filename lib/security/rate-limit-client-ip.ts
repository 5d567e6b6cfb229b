// Which client a request comes from, for per-IP rate limits. Route handlers never see the
// socket: `next start` copies the peer address into `X-Forwarded-For`, but only when the request
// arrives without that header (`??=` in Next's base server), so a client that talks to Next
// directly can write it itself. Hence the rule:
//
// - TRUST_PROXY=<n> (n >= 1; "true" means 1): the app sits behind n reverse proxies that append
//   the address they saw to X-Forwarded-For (nginx `$proxy_add_x_forwarded_for`, load balancers).
//   The client is the n-th entry from the right: what the outermost trusted proxy saw. Entries
//   further left were written by the client and are ignored (taking the first entry would let a
//   client pick a fresh "IP" for every request).
// - TRUST_PROXY unset or 0: no proxy. The right-most entry is the peer address Next wrote, unless
//   the client sent its own header, which cannot be told apart. Per-account limits still hold;
//   per-IP limits can be dodged by a client that forges the header, so production deployments
//   belong behind a proxy with TRUST_PROXY set.
//
// IPv6 addresses count per /64 (one subscriber's usual allocation), IPv4-mapped IPv6 as IPv4,
// and anything that is not an IP address as one shared "unknown" client.

export const UNKNOWN_CLIENT = 'unknown';

/** TRUST_PROXY as a number of trusted proxy hops. */
export function trustedProxyHops(value: string | undefined): number {
  const text = value?.trim().toLowerCase();
  if (!text || text === 'false' || text === 'no' || text === 'off') return 0;
  if (text === 'true' || text === 'yes' || text === 'on') return 1;
  const hops = Number(text);
  return Number.isInteger(hops) && hops >= 0 && hops <= 32 ? hops : 0;
}

type HeaderSource = { get(name: string): string | null };

/** The client's address (IPv6 as its /64 prefix) for rate-limit keys. */
export function clientIpFromHeaders(headers: HeaderSource, trustProxy: string | undefined): string {
  const entries = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const hops = Math.max(1, trustedProxyHops(trustProxy));
  const chosen = entries.length ? entries[Math.max(0, entries.length - hops)] : headers.get('x-real-ip')?.trim();
  return normaliseClientIp(chosen ?? '');
}

export function normaliseClientIp(raw: string): string {
  let text = raw.trim().toLowerCase();
  // "[::1]:443" and "1.2.3.4:80" (some proxies add the port); "for=" of RFC 7239 style values.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  if (bracketed) text = bracketed[1]!;
  const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(text);
  if (withPort) text = withPort[1]!;
  text = text.replace(/%.*$/, ''); // IPv6 zone id
  if (isIpv4(text)) return text;
  const groups = parseIpv6(text);
  if (!groups) return UNKNOWN_CLIENT;
  const mapped = groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff;
  if (mapped) return `${groups[6]! >> 8}.${groups[6]! & 0xff}.${groups[7]! >> 8}.${groups[7]! & 0xff}`;
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
}

function isIpv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255);
}

/** The eight 16-bit groups of an IPv6 address, or null. */
function parseIpv6(text: string): number[] | null {
  if (!text.includes(':') || text.length > 45) return null;
  let tail: number[] = [];
  let body = text;
  const lastColon = body.lastIndexOf(':');
  const maybeIpv4 = body.slice(lastColon + 1);
  if (maybeIpv4.includes('.')) {
    if (!isIpv4(maybeIpv4)) return null;
    const octets = maybeIpv4.split('.').map(Number);
    tail = [(octets[0]! << 8) | octets[1]!, (octets[2]! << 8) | octets[3]!];
    const prefix = body.slice(0, lastColon + 1);
    body = prefix.endsWith('::') ? prefix : prefix.slice(0, -1);
  }
  const halves = body.split('::');
  if (halves.length > 2) return null;
  const parse = (part: string) => (part === '' ? [] : part.split(':'));
  const head = parse(halves[0]!);
  const rest = halves.length === 2 ? parse(halves[1]!) : [];
  if (![...head, ...rest].every((group) => /^[0-9a-f]{1,4}$/.test(group))) return null;
  const known = head.length + rest.length + tail.length;
  if (halves.length === 1 ? known !== 8 : known > 7) return null;
  const zeros = Array<number>(8 - known).fill(0);
  return [
    ...head.map((g) => parseInt(g, 16)),
    ...(halves.length === 2 ? zeros : []),
    ...rest.map((g) => parseInt(g, 16)),
    ...tail,
  ];
}
