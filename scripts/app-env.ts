// Everything the app needs in its environment before Next.js starts: a database
// (embedded when DATABASE_URL is unset, never in production) with migrations applied, and auth settings.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startEmbeddedPostgres, type RunningPostgres } from './db/embedded-postgres';
import { APP_ROLES, ensureAppRoles, grantAppRole, urlAs } from './db/embedded-roles';
import { applyPendingMigrations } from './db/migrations';
import { projectRoot } from './db/schema-engine';

export type PreparedEnv = { databaseUrl: string; embedded: RunningPostgres | null };

/** A secret kept in .data/, so sessions survive restarts of a local install. */
async function localAuthSecret(): Promise<string> {
  const file = path.join(projectRoot, '.data', 'nextauth-secret');
  const existing = await readFile(file, 'utf8').catch(() => '');
  if (existing.trim()) return existing.trim();
  const secret = randomBytes(32).toString('base64url');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

export async function prepareAppEnv(
  port: number,
  options: { production: boolean; migrate: boolean },
): Promise<PreparedEnv> {
  let embedded: RunningPostgres | null = null;
  let migrationUrl = process.env.DATABASE_URL;
  // parseEnv has already refused a production start without DATABASE_URL.
  if (!process.env.DATABASE_URL) {
    embedded = await startEmbeddedPostgres();
    // The app runs as a role that can neither switch the audit trigger off nor change the schema;
    // migrations run as the tables' owner (scripts/db/embedded-roles.ts).
    const { credentials } = embedded;
    await ensureAppRoles(embedded.url, credentials);
    migrationUrl = urlAs(embedded.url, APP_ROLES.owner, credentials.owner);
    process.env.DATABASE_URL = urlAs(embedded.url, APP_ROLES.app, credentials.app);
  }
  const databaseUrl = process.env.DATABASE_URL!;
  if (options.migrate || embedded) {
    const applied = await applyPendingMigrations(migrationUrl!);
    if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
    if (embedded) await grantAppRole(migrationUrl!);
  }
  if (!options.production) {
    process.env.NEXTAUTH_SECRET ??= await localAuthSecret();
    process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  }
  return { databaseUrl, embedded };
}

export function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
