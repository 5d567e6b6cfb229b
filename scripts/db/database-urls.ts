// Which Postgres a command talks to: DATABASE_URL when set, the embedded one otherwise.
import { startEmbeddedPostgres } from './embedded-postgres';

export async function resolveDatabaseUrlForTool(): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const running = await startEmbeddedPostgres();
  process.once('exit', () => void running.stop());
  return running.url;
}
