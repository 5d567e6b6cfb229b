import 'server-only';
import type pg from 'pg';
import { createPgPool, createPrismaClient, type Db } from './db/prisma-client';

const globalForDb = globalThis as unknown as { marginaliaDb?: Db; marginaliaPool?: pg.Pool };

/** The process-wide pool, created on first use (so builds need no database). */
export function pgPool(): pg.Pool {
  if (!globalForDb.marginaliaPool) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set. Start the app with `npm start`, which provides one.');
    globalForDb.marginaliaPool = createPgPool(url);
  }
  return globalForDb.marginaliaPool;
}

/** The process-wide Prisma client, on the same pool. */
export function db(): Db {
  globalForDb.marginaliaDb ??= createPrismaClient(pgPool());
  return globalForDb.marginaliaDb;
}
