// Create, apply and drift-check migrations in prisma/migrations with the wasm schema engine.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import {
  MIGRATION_LOCKFILE,
  migrationsDir,
  noFilters,
  openSchemaEngine,
  readMigrationList,
  readSchemaFile,
} from './schema-engine';

/** Any fixed number: every instance of the app asks Postgres for the same advisory lock. */
export const MIGRATION_LOCK_KEY = 7_302_118_260;

/**
 * Applies every pending migration; returns the names applied. Instances starting together
 * migrate one at a time under a session advisory lock: the first applies, the others wait for
 * it and then find nothing pending. The lock is held on its own connection, so it is released
 * when this process dies, even halfway.
 */
export async function applyPendingMigrations(databaseUrl: string): Promise<string[]> {
  const lock = new pg.Client({ connectionString: databaseUrl });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const engine = await openSchemaEngine(databaseUrl);
    try {
      const migrationsList = await readMigrationList();
      const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: noFilters });
      return appliedMigrationNames;
    } finally {
      engine.free();
    }
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.end().catch(() => undefined);
  }
}

/**
 * Writes a new migration folder with the SQL that brings the migrations up to the schema
 * (what `prisma migrate diff --from-migrations --to-schema --script` prints).
 */
export async function createMigration(databaseUrl: string, name: string): Promise<string | null> {
  const sql = await findDrift(databaseUrl);
  if (!sql) return null;
  const stamp = new Date()
    .toISOString()
    .replace(/[-:TZ.]/g, '')
    .slice(0, 14);
  const folderName = `${stamp}_${name}`;
  const folder = path.join(migrationsDir, folderName);
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, 'migration.sql'), sql);
  await writeFile(path.join(migrationsDir, 'migration_lock.toml'), MIGRATION_LOCKFILE);
  return folderName;
}

/** The SQL that would take the migrations to the schema; empty when they agree. */
export async function findDrift(databaseUrl: string): Promise<string> {
  const engine = await openSchemaEngine(databaseUrl);
  try {
    const migrationsList = await readMigrationList();
    const result = await engine.diff({
      from: { tag: 'migrations', ...migrationsList },
      to: { tag: 'schemaDatamodel', files: [await readSchemaFile()] },
      script: true,
      exitCode: true,
      filters: noFilters,
    });
    return result.exitCode === 2 ? (result.stdout ?? '(differences found)') : '';
  } finally {
    engine.free();
  }
}
