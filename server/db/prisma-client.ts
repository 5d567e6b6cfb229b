// Creates a Prisma client on node-postgres. Kept free of `server-only` so scripts
// (seed, migrations, tests) can build one too; app code imports `server/db`.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';

export function createPrismaClient(databaseUrl: string): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  return new PrismaClient({
    adapter,
    omit: { user: { passwordHash: true } },
    // Prisma's 2 s wait for a pooled connection is shorter than a busy two-core machine needs
    // under a burst of requests; past this wait the request gets 503 + Retry-After.
    transactionOptions: { maxWait: 5_000, timeout: 10_000 },
  });
}

export type Db = ReturnType<typeof createPrismaClient>;
