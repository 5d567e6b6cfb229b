import type { TestProject } from 'vitest/node';
import { createMigratedDatabase, dropDatabase, resolveTestAdminUrl } from '../../scripts/db/test-database';

const DATABASE = `marginalia_test_integration_${process.pid}`;

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const { adminUrl, stop } = await resolveTestAdminUrl();
  const databaseUrl = await createMigratedDatabase(adminUrl, DATABASE);
  project.provide('databaseUrl', databaseUrl);
  return async () => {
    await dropDatabase(adminUrl, DATABASE);
    await stop();
  };
}
