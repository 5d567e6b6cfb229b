// Creates a Prisma client on node-postgres. Kept free of `server-only` so scripts
// (seed, migrations, tests) can build one too; app code imports `server/db`.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client';

/** The connection pool; the app's hot paths run prepared statements on the same one Prisma uses. */
export function createPgPool(databaseUrl: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  // An idle connection dropped by the server (a restart) must not crash the process before
  // Prisma has attached its own listener; the pool replaces the connection by itself.
  pool.on('error', (error) => console.warn(`Postgres connection lost (the pool opens a new one): ${error.message}`));
  return pool;
}

export function createPrismaClient(databaseUrlOrPool: string | pg.Pool): PrismaClient {
  const pool = typeof databaseUrlOrPool === 'string' ? createPgPool(databaseUrlOrPool) : databaseUrlOrPool;
  // Prisma ends a pool it was handed only when told to; scripts pass a URL and expect
  // $disconnect to close everything.
  const adapter = new PrismaPg(pool, { disposeExternalPool: typeof databaseUrlOrPool === 'string' });
  return new PrismaClient({
    adapter,
    omit: { user: { passwordHash: true } },
    // Prisma's 2 s wait for a pooled connection is shorter than a busy two-core machine needs
    // under a burst of requests; past this wait the request gets 503 + Retry-After.
    transactionOptions: { maxWait: 5_000, timeout: 10_000 },
  });
}

export type Db = ReturnType<typeof createPrismaClient>;
