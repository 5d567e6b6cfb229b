// Which Postgres a command talks to: DATABASE_URL when set, the embedded one otherwise.
// Tools (migrate, seed, backup, restore) act as the tables' owner on the embedded database.
import { startEmbeddedPostgres } from './embedded-postgres';
import { APP_ROLES, ensureAppRoles, urlAs } from './embedded-roles';

export async function resolveDatabaseUrlForTool(): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const running = await startEmbeddedPostgres();
  process.once('exit', () => void running.stop());
  await ensureAppRoles(running.url, running.credentials);
  return urlAs(running.url, APP_ROLES.owner, running.credentials.owner);
}
