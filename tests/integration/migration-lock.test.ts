import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { applyPendingMigrations } from '../../scripts/db/migrations';
import { readMigrationList } from '../../scripts/db/schema-engine';
import { queryOnce } from '../../scripts/db/test-database';

// Several instances starting at once on one database: without the advisory lock, each would
// apply the same migrations concurrently and all but one would fail halfway.
const name = `marginalia_test_lock_${randomUUID().slice(0, 8)}`;
const adminUrl = process.env.DATABASE_URL!;
const urlOf = (database: string) => {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
};

afterAll(() => queryOnce(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));

describe('migrations on start', () => {
  it('run once when three instances start together on an empty database; the others wait and apply nothing', async () => {
    await queryOnce(adminUrl, `CREATE DATABASE "${name}"`);
    const results = await Promise.all([1, 2, 3].map(() => applyPendingMigrations(urlOf(name))));
    const { migrationDirectories } = await readMigrationList();
    const all = migrationDirectories.map((directory) => directory.path);
    expect(results.flat().sort()).toEqual([...all].sort());
    expect(results.filter((applied) => applied.length === 0)).toHaveLength(2);
  }, 120_000);
});
