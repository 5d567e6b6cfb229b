import 'server-only';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

// Audit ids come from one sequence shared by every workspace, so handing them to clients
// would show how much other tenants write. Clients get the id encrypted instead: one AES
// block (a keyed permutation) holding the id and a zero check half, deterministic so the
// browser can still recognise an event it has seen, and meaningless without the key.
const MAGIC = 0n;

let cachedKey: Buffer | null = null;
function key(): Buffer {
  // Every instance shares NEXTAUTH_SECRET, so a cursor from one is read by another. Without
  // it (tests), a key per process is enough: cursors only live as long as a page.
  cachedKey ??= createHash('sha256')
    .update('marginalia-event-cursor\0')
    .update(process.env.NEXTAUTH_SECRET ?? randomBytes(32))
    .digest();
  return cachedKey;
}

export function encodeEventCursor(id: bigint): string {
  const block = Buffer.alloc(16);
  block.writeBigUInt64BE(id, 0);
  block.writeBigUInt64BE(MAGIC, 8);
  const cipher = createCipheriv('aes-256-ecb', key(), null).setAutoPadding(false);
  return Buffer.concat([cipher.update(block), cipher.final()]).toString('base64url');
}

/** The audit id inside a cursor, or null for anything this server did not hand out. */
export function decodeEventCursor(cursor: string | null | undefined): bigint | null {
  if (!cursor || !/^[A-Za-z0-9_-]{22}$/.test(cursor)) return null;
  const block = Buffer.from(cursor, 'base64url');
  if (block.length !== 16) return null;
  const decipher = createDecipheriv('aes-256-ecb', key(), null).setAutoPadding(false);
  const plain = Buffer.concat([decipher.update(block), decipher.final()]);
  return plain.readBigUInt64BE(8) === MAGIC ? plain.readBigUInt64BE(0) : null;
}
