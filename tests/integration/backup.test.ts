import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_USER, DEMO_WORKSPACE, seedDemo } from '@/prisma/seed/seed-demo';
import { createAnnotation } from '@/server/data/annotations/create-annotation';
import { getMemberArticle } from '@/server/data/articles/get-member-article';
import { createPrismaClient } from '@/server/db/prisma-client';
import { db } from '@/server/db';
import { backupDatabase, restoreDatabase } from '../../scripts/db/backup';
import { queryOnce } from '../../scripts/db/test-database';

const sourceUrl = process.env.DATABASE_URL!;
const restored = `marginalia_test_restore_${randomUUID().slice(0, 8)}`;
const restoredUrl = Object.assign(new URL(sourceUrl), { pathname: `/${restored}` }).toString();
const folder = mkdtempSync(path.join(tmpdir(), 'marginalia-backup-'));
const file = path.join(folder, 'backup.jsonl.gz');

const query = async <T extends pg.QueryResultRow>(url: string, sql: string) => (await queryOnce<T>(url, sql)).rows;

/** Every row of a table as Postgres prints it, in a stable order. */
const tableDigest = (url: string, table: string) =>
  query<{ digest: string | null; n: number }>(
    url,
    `SELECT md5(string_agg(row_to_json(t)::text, E'\\n' ORDER BY row_to_json(t)::text)) AS digest, count(*)::int AS n FROM "${table}" t`,
  ).then((rows) => rows[0]!);

afterAll(async () => {
  await query(sourceUrl, `DROP DATABASE IF EXISTS "${restored}" WITH (FORCE)`);
  rmSync(folder, { recursive: true, force: true });
});

describe('db:backup and db:restore', () => {
  it('round-trip every table into an empty database, which then serves the same workspace', async () => {
    const { articles } = await seedDemo(db());
    const owner = await db().user.findUniqueOrThrow({ where: { email: DEMO_USER.email }, select: { id: true } });
    const article = await getMemberArticle({ userId: owner.id, articleId: articles[0]!.id });
    const exact = article.revision.text.slice(0, 12);
    await createAnnotation({
      userId: owner.id,
      articleId: article.id,
      input: { tag: 'finding', note: 'kept by the backup', position: { start: 0, end: 12 }, exact },
    });
    const header = await backupDatabase(sourceUrl, file);
    expect(header.tables.map((table) => table.name)).toEqual(
      expect.arrayContaining(['User', 'Workspace', 'AuditEvent']),
    );
    expect(header.tables.find((table) => table.name === 'Annotation')!.rows).toBeGreaterThan(0);

    await query(sourceUrl, `CREATE DATABASE "${restored}"`);
    await restoreDatabase(restoredUrl, file);
    for (const { name, rows } of header.tables) {
      const [before, after] = await Promise.all([tableDigest(sourceUrl, name), tableDigest(restoredUrl, name)]);
      expect({ name, ...after }).toEqual({ name, ...before, n: rows });
    }

    const copy = createPrismaClient(restoredUrl);
    try {
      const read = (database: typeof copy) =>
        database.workspace.findUniqueOrThrow({
          where: { slug: DEMO_WORKSPACE.slug },
          select: {
            name: true,
            memberships: { select: { role: true, user: { select: { email: true } } }, orderBy: { userId: 'asc' } },
            articles: {
              orderBy: { id: 'asc' },
              select: { title: true, annotations: { orderBy: { id: 'asc' }, select: { tag: true, note: true } } },
            },
          },
        });
      expect(await read(copy)).toEqual(await read(db()));
      // Sequences continue after the restored rows: a new audit event gets a fresh id.
      const latest = await copy.auditEvent.findFirstOrThrow({ orderBy: { id: 'desc' }, select: { id: true } });
      const added = await copy.auditEvent.create({
        data: { action: 'backup.checked', objectType: 'test', objectId: 'x' },
        select: { id: true },
      });
      expect(added.id > latest.id).toBe(true);
    } finally {
      await copy.$disconnect();
    }
  }, 120_000);

  it('refuses to restore into a database that holds data', async () => {
    await expect(restoreDatabase(restoredUrl, file)).rejects.toThrow(/not empty/);
  }, 60_000);
});
