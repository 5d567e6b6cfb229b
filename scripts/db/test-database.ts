// Test runs get their own freshly migrated database, never the dev database: on the
// machine's Postgres when it answers, else on a separate embedded server.
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres';
import { applyPendingMigrations } from './migrations';
import { projectRoot } from './schema-engine';

const MACHINE_POSTGRES = 'postgresql://postgres@127.0.0.1:5432/postgres';
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A superuser URL on a local server, on which test databases can be created and dropped. */
export async function resolveTestAdminUrl(): Promise<{ adminUrl: string; stop: () => Promise<void> }> {
  const configured = process.env.TEST_DATABASE_ADMIN_URL;
  if (configured) {
    const host = new URL(configured).hostname;
    if (!LOCAL_HOSTS.has(host) && process.env.ALLOW_REMOTE_TEST_DATABASE !== 'true') {
      throw new Error(`Refusing to run tests against ${host}: tests drop databases. Use a local server.`);
    }
    return { adminUrl: configured, stop: async () => undefined };
  }
  if (await answers(MACHINE_POSTGRES)) return { adminUrl: MACHINE_POSTGRES, stop: async () => undefined };
  const embedded = await startEmbeddedPostgres({
    dataDir: path.join(projectRoot, '.data', 'test-postgres'),
    port: Number(process.env.TEST_EMBEDDED_POSTGRES_PORT ?? 54339),
    database: 'postgres',
  });
  return { adminUrl: embedded.adminUrl, stop: embedded.stop };
}

/** One database per e2e server port, so two suites on one machine never drop each other's. */
export function e2eDatabaseName(port: number): string {
  return `marginalia_e2e_app_${port}`;
}

/** Drops and recreates `name`, applies all migrations, and returns its URL. */
export async function createMigratedDatabase(adminUrl: string, name: string): Promise<string> {
  if (!/^marginalia_(test|e2e|bench)_[a-z0-9_]+$/.test(name)) throw new Error(`Unsafe test database name: ${name}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await applyPendingMigrations(url.toString());
  return url.toString();
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** One statement on its own connection (create/drop a database, a check in a test). */
export async function queryOnce<T extends pg.QueryResultRow = pg.QueryResultRow>(
  url: string,
  sql: string,
): Promise<pg.QueryResult<T>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query<T>(sql);
  } finally {
    await client.end();
  }
}
