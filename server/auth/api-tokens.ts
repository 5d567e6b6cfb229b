import 'server-only';
import { createHash, randomBytes } from 'node:crypto';

export const TOKEN_PREFIX = 'mrg_';

export function generateApiToken(): { token: string; tokenHash: string; prefix: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { token, tokenHash: hashApiToken(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6) };
}

/** Tokens carry 256 random bits, so a fast hash is enough (no password stretching needed). */
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
