import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureAppRoles, grantAppRole, urlAs } from '../../scripts/db/embedded-roles';
import { applyPendingMigrations } from '../../scripts/db/migrations';
import { queryOnce } from '../../scripts/db/test-database';

// The roles the embedded database gives the app (scripts/db/embedded-roles.ts), on a database of
// their own with role names of their own (roles are cluster-wide; these are dropped afterwards).
const tag = randomUUID().slice(0, 8);
const roles = { owner: `marginalia_test_owner_${tag}`, app: `marginalia_test_app_${tag}` };
const database = `marginalia_test_roles_${tag}`;
const adminUrl = process.env.DATABASE_URL!;
const superuserUrl = Object.assign(new URL(adminUrl), { pathname: `/${database}` }).toString();
const passwords = { owner: 'owner-password', app: 'app-password' };
const ownerUrl = urlAs(superuserUrl, roles.owner, passwords.owner);
const appUrl = urlAs(superuserUrl, roles.app, passwords.app);

afterAll(async () => {
  await queryOnce(adminUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await queryOnce(adminUrl, `DROP ROLE IF EXISTS "${roles.app}"`);
  await queryOnce(adminUrl, `DROP ROLE IF EXISTS "${roles.owner}"`);
});

describe('the embedded database roles', () => {
  it('let the app write data but neither switch the audit trigger off nor change the schema', async () => {
    await queryOnce(adminUrl, `CREATE DATABASE "${database}"`);
    await ensureAppRoles(superuserUrl, passwords, roles);
    expect(await applyPendingMigrations(ownerUrl)).not.toHaveLength(0);
    await grantAppRole(ownerUrl, roles);
    // Idempotent: the next start runs it again.
    await ensureAppRoles(superuserUrl, passwords, roles);

    const { rows } = await queryOnce<{ rolsuper: boolean }>(
      superuserUrl,
      `SELECT rolsuper FROM pg_roles WHERE rolname IN ('${roles.owner}', '${roles.app}')`,
    );
    expect(rows.map((row) => row.rolsuper)).toEqual([false, false]);
    const owner = await queryOnce<{ owner: string }>(
      superuserUrl,
      `SELECT pg_get_userbyid(relowner) AS owner FROM pg_class WHERE relname = 'AuditEvent'`,
    );
    expect(owner.rows[0]?.owner).toBe(roles.owner);

    await queryOnce(
      appUrl,
      `INSERT INTO "AuditEvent" (action, "objectType", "objectId") VALUES ('roles.checked', 'test', 'x')`,
    );
    expect((await queryOnce<{ n: number }>(appUrl, 'SELECT count(*)::int AS n FROM "AuditEvent"')).rows[0]?.n).toBe(1);

    await expect(queryOnce(appUrl, 'SET session_replication_role = replica')).rejects.toThrow(/permission denied/);
    await expect(
      queryOnce(appUrl, 'ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_no_update_or_delete"'),
    ).rejects.toThrow(/must be owner/);
    await expect(queryOnce(appUrl, 'DROP TRIGGER "AuditEvent_no_update_or_delete" ON "AuditEvent"')).rejects.toThrow(
      /must be owner/,
    );
    await expect(queryOnce(appUrl, 'ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL')).rejects.toThrow(/must be owner/);
    await expect(queryOnce(appUrl, 'TRUNCATE "AuditEvent"')).rejects.toThrow(/permission denied/);
    await expect(queryOnce(appUrl, `UPDATE "AuditEvent" SET action = 'rewritten'`)).rejects.toThrow();
    await expect(queryOnce(appUrl, 'CREATE TABLE sneaky (id int)')).rejects.toThrow(/permission denied/);
    await expect(queryOnce(appUrl, `DELETE FROM _prisma_migrations`)).rejects.toThrow(/permission denied/);
  }, 120_000);
});
