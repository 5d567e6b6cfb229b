import 'server-only';
import PgBoss from 'pg-boss';

// The job queue: pg-boss on the app's own Postgres (no other server). It creates and migrates its
// tables itself, in its own schema, on start, under its own advisory lock (so several instances
// starting at once are safe). Every app instance runs the workers; jobs are taken with
// SKIP LOCKED, so each runs once.

export const JOB_SCHEMA = 'pgboss';

const globalForJobs = globalThis as unknown as { marginaliaBoss?: Promise<PgBoss> };

async function startBoss(): Promise<PgBoss> {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error('DATABASE_URL is not set.');
  const boss = new PgBoss({ connectionString, schema: JOB_SCHEMA, max: 3, application_name: 'marginalia-jobs' });
  boss.on('error', (error) => console.error('Job queue error', error));
  await boss.start();
  return boss;
}

/** The process's started queue (started on first use). */
export function jobQueue(): Promise<PgBoss> {
  globalForJobs.marginaliaBoss ??= startBoss().catch((error: unknown) => {
    globalForJobs.marginaliaBoss = undefined;
    throw error;
  });
  return globalForJobs.marginaliaBoss;
}

/** Stops the queue, letting running jobs finish (for a clean shutdown and for tests). */
export async function stopJobQueue(): Promise<void> {
  const started = globalForJobs.marginaliaBoss;
  globalForJobs.marginaliaBoss = undefined;
  if (started) await (await started).stop({ graceful: true, wait: true, timeout: 10_000 });
}
