import 'server-only';
import { createPrismaClient, type Db } from './db/prisma-client';

const globalForDb = globalThis as unknown as { marginaliaDb?: Db };

/** The process-wide Prisma client, created on first use (so builds need no database). */
export function db(): Db {
  if (!globalForDb.marginaliaDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set. Start the app with `npm start`, which provides one.');
    globalForDb.marginaliaDb = createPrismaClient(url);
  }
  return globalForDb.marginaliaDb;
}
