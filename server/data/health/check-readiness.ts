import 'server-only';
import { db } from '../../db';
import { listenConnectionUp } from '../../live/event-bus';

// What a load balancer needs before sending traffic to this instance. Each check answers only
// ok/failing: no versions, error texts or migration names leave the server.

export type ReadinessCheck = 'database' | 'migrations' | 'listen';
export type Readiness = { ready: boolean; checks: Record<ReadinessCheck, 'ok' | 'failing'> };

/** Set at build time (next.config.js) from prisma/migrations: the newest migration this build expects. */
const EXPECTED_MIGRATION = process.env.MARGINALIA_LATEST_MIGRATION ?? '';
const CHECK_TIMEOUT_MS = 2_000;

function withTimeout<T>(work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS).unref()),
  ]);
}

async function migrationsApplied(): Promise<boolean> {
  const [row] = await db().$queryRaw<{ latest: string | null; unfinished: number }[]>`
    SELECT max(migration_name) FILTER (WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL) AS latest,
           count(*) FILTER (WHERE finished_at IS NULL AND rolled_back_at IS NULL)::int AS unfinished
      FROM _prisma_migrations`;
  return Boolean(row) && row!.unfinished === 0 && (row!.latest ?? '') >= EXPECTED_MIGRATION;
}

export async function checkReadiness(): Promise<Readiness> {
  const ok = (passed: boolean): 'ok' | 'failing' => (passed ? 'ok' : 'failing');
  const [database, migrations, listen] = await Promise.all(
    [
      withTimeout(db().$queryRaw`SELECT 1`).then(() => true),
      withTimeout(migrationsApplied()),
      withTimeout(listenConnectionUp()),
    ].map((check) => check.catch(() => false)),
  );
  const checks = { database: ok(database!), migrations: ok(database! && migrations!), listen: ok(listen!) };
  return { ready: Object.values(checks).every((value) => value === 'ok'), checks };
}
