import 'server-only';
import type PgBoss from 'pg-boss';
import type { Prisma } from '../generated/prisma/client';

/** pg-boss runs its SQL through this, so a job is inserted by the caller's own transaction. */
export function inTransaction(tx: Prisma.TransactionClient): PgBoss.Db {
  return {
    async executeSql(text, values) {
      const params = values.map((value: unknown) =>
        value === undefined ? null : typeof value === 'object' && value !== null ? JSON.stringify(value) : value,
      );
      return { rows: await tx.$queryRawUnsafe<unknown[]>(text, ...params) };
    },
  };
}
