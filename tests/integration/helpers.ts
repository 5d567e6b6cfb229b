import { randomUUID } from 'node:crypto';
import { db } from '@/server/db';
import { signUpUser } from '@/server/data/users/sign-up-user';
import { ensureMembership, ensureUser, ensureWorkspace } from '@/prisma/seed/seed-demo';

export function uniqueEmail(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}@example.test`;
}

/** A fresh workspace with one member per given role. */
export async function workspaceWithMembers(roles: ('owner' | 'editor' | 'reviewer' | 'viewer')[]) {
  const slug = `ws-${randomUUID().slice(0, 8)}`;
  const workspace = await ensureWorkspace(db(), { slug, name: `Workspace ${slug}` });
  const members: Record<string, { id: string }> = {};
  for (const role of roles) {
    const user = await ensureUser(db(), { email: uniqueEmail(role), password: 'integration-password', name: role });
    await ensureMembership(db(), { workspaceId: workspace.id, userId: user.id, role });
    members[role] = user;
  }
  return { workspace, members };
}

export async function countRows() {
  const [users, workspaces, memberships, articles, revisions, auditEvents] = await Promise.all([
    db().user.count(),
    db().workspace.count(),
    db().membership.count(),
    db().article.count(),
    db().articleRevision.count(),
    db().auditEvent.count(),
  ]);
  return { users, workspaces, memberships, articles, revisions, auditEvents };
}

/** A client address of its own, so per-IP limits of one test never touch another's. */
export function uniqueIp(): string {
  const bytes = randomUUID().replace(/-/g, '').slice(0, 6);
  return `10.${parseInt(bytes.slice(0, 2), 16)}.${parseInt(bytes.slice(2, 4), 16)}.${parseInt(bytes.slice(4, 6), 16)}`;
}

/** Signs up a new address (as POST /api/signup does) and returns the account it created. */
export async function signUpNewUser(input: { name: string; email: string; password: string }) {
  const result = await signUpUser({ ...input, ip: uniqueIp() });
  if (!result.created) throw new Error(`${input.email} already had an account`);
  return { id: result.userId, workspaceSlug: result.workspaceSlug };
}
