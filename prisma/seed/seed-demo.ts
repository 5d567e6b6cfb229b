// The demo workspace: one owner account and the two sample articles. Safe to run
// any number of times; e2e tests call the same functions.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { hashPassword } from '../../server/auth/password';
import type { Db } from '../../server/db/prisma-client';
import { createArticleFromText } from '../../server/data/articles/create-article-from-text';
import { DEMO_USER, DEMO_WORKSPACE } from './demo-identity';

export { DEMO_USER, DEMO_WORKSPACE };
export const SEED_ARTICLE_FILES = [
  'doj-ig-report-blames-sessions-rosenstein.txt',
  'doj-ig-sessions-rosenstein-driving-force.txt',
];

const seedDataDir = path.join(import.meta.dirname, '..', 'seed-data');

export async function ensureUser(database: Db, user: { email: string; password: string; name: string }) {
  const existing = await database.user.findUnique({ where: { email: user.email }, select: { id: true } });
  if (existing) return existing;
  const passwordHash = await hashPassword(user.password);
  return database.user.upsert({
    where: { email: user.email },
    // Seeded addresses are the operator's own (demo, tests): treated as verified.
    create: { email: user.email, name: user.name, passwordHash, emailVerifiedAt: new Date() },
    update: {},
    select: { id: true },
  });
}

export async function ensureWorkspace(database: Db, workspace: { slug: string; name: string }) {
  return database.workspace.upsert({
    where: { slug: workspace.slug },
    create: workspace,
    update: {},
    select: { id: true, slug: true },
  });
}

export async function ensureMembership(
  database: Db,
  membership: { workspaceId: string; userId: string; role: 'owner' | 'editor' | 'reviewer' | 'viewer' },
) {
  const { workspaceId, userId, role } = membership;
  await database.membership.upsert({
    where: { workspaceId_userId: { workspaceId, userId } },
    create: { workspaceId, userId, role },
    update: {},
  });
}

export async function seedArticles(database: Db, options: { workspaceId: string; authorId: string }) {
  const results = [];
  for (const file of SEED_ARTICLE_FILES) {
    const text = await readFile(path.join(seedDataDir, file), 'utf8');
    results.push(await createArticleFromText(database, { ...options, text, importKey: `seed:${file}` }));
  }
  return results;
}

export async function seedDemo(database: Db) {
  const user = await ensureUser(database, DEMO_USER);
  const workspace = await ensureWorkspace(database, DEMO_WORKSPACE);
  await ensureMembership(database, { workspaceId: workspace.id, userId: user.id, role: 'owner' });
  const articles = await seedArticles(database, { workspaceId: workspace.id, authorId: user.id });
  return { user, workspace, articles };
}
