// Usage: tsx scripts/db/migrate.ts deploy | create <name> | check
// `deploy` applies to DATABASE_URL (or the embedded database). `create` and `check`
// replay the migrations in a throw-away shadow database on DATABASE_URL's server, or
// on the test server when DATABASE_URL is unset.
import { applyPendingMigrations, createMigration, findDrift } from './migrations';
import { resolveDatabaseUrlForTool } from './database-urls';
import { resolveTestAdminUrl } from './test-database';

/** Drift checks only need a server to create throw-away shadow databases on. */
async function serverForShadowDatabases(): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const { adminUrl, stop } = await resolveTestAdminUrl();
  process.once('exit', () => void stop());
  return adminUrl;
}

async function main(): Promise<number> {
  const [command, name] = process.argv.slice(2);
  switch (command) {
    case 'deploy': {
      const url = await resolveDatabaseUrlForTool();
      const applied = await applyPendingMigrations(url);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migrations.');
      return 0;
    }
    case 'create': {
      if (!name || !/^[a-z0-9_]+$/.test(name)) {
        console.error('Usage: npm run db:migration:create -- <name_in_snake_case>');
        return 2;
      }
      const created = await createMigration(await serverForShadowDatabases(), name);
      console.log(created ? `Created prisma/migrations/${created}` : 'Schema and migrations already agree.');
      return 0;
    }
    case 'check': {
      const drift = await findDrift(await serverForShadowDatabases());
      if (drift) {
        console.error('Schema and migrations disagree. Run `npm run db:migration:create -- <name>`.\n');
        console.error(drift);
        return 1;
      }
      console.log('Schema and migrations agree (no drift).');
      return 0;
    }
    default:
      console.error('Usage: tsx scripts/db/migrate.ts deploy | create <name> | check');
      return 2;
  }
}

process.on('uncaughtException', (error) => {
  const panic = (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { message: string } }).PRISMA_WASM_PANIC_REGISTRY;
  console.error(panic?.message || error);
  process.exit(1);
});

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
