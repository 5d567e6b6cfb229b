// The app as the e2e suite sees it: a production build on its own freshly migrated,
// seeded database, never the dev database. Started by playwright.config.ts.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { seedE2eFixtures } from '../e2e/fixtures/seed-e2e';
import { seedDemo } from '../prisma/seed/seed-demo';
import { createPrismaClient } from '../server/db/prisma-client';
import { createMigratedDatabase, dropDatabase, e2eDatabaseName, resolveTestAdminUrl } from './db/test-database';
import { projectRoot } from './db/schema-engine';
import { productionServerArgs } from './server-command';

const port = Number(process.env.E2E_PORT ?? 3100);
const { adminUrl, stop } = await resolveTestAdminUrl();
const databaseUrl = await createMigratedDatabase(adminUrl, e2eDatabaseName(port));
const database = createPrismaClient(databaseUrl);
await seedDemo(database);
await seedE2eFixtures(database);
await database.$disconnect();

// The production server the image runs (scripts/server.ts), not `next start`: the suite then
// exercises its client-address and shutdown handling too.
const child = spawn(process.execPath, productionServerArgs(projectRoot), {
  cwd: projectRoot,
  stdio: 'inherit',
  env: {
    ...process.env,
    PORT: String(port),
    HOSTNAME: '127.0.0.1',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    DATABASE_URL: databaseUrl,
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
    NEXT_TELEMETRY_DISABLED: '1',
    // The whole suite signs up from 127.0.0.1 (tests/integration/sign-up.test.ts checks the real limit).
    SIGN_UP_LIMIT_PER_IP: '10000',
    // Likewise for sign-in (a hundred-odd sign-ins and the wrong-password tests in 15 minutes);
    // tests/integration/rate-limits.test.ts and security:stuffing check the real limits.
    SIGN_IN_LIMIT_PER_IP: '100000',
  },
});
const shutdown = () => child.kill('SIGTERM');
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
child.on('exit', async (code) => {
  await dropDatabase(adminUrl, e2eDatabaseName(port)).catch(() => undefined);
  await stop();
  process.exit(code ?? 0);
});
