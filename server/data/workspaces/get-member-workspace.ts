import 'server-only';
import { cache } from 'react';
import { AppError } from '@/lib/errors';
import type { Role } from '@/lib/domain/permissions/permissions';
import { isWorkspaceSlug } from '@/lib/validation/ids';
import { db } from '../../db';

export type MemberWorkspace = { id: string; name: string; slug: string; role: Role };

const notFound = () =>
  new AppError('NOT_FOUND', { userMessage: 'This workspace does not exist or you are not a member.' });

/** The workspace with the caller's role; a workspace they do not belong to is "not found". */
// Memoised per request with primitive keys, so a layout and its page share one query.
const findMemberWorkspace = cache(async (userId: string, slug: string): Promise<MemberWorkspace> => {
  if (!isWorkspaceSlug(slug)) throw notFound();
  const membership = await db().membership.findFirst({
    where: { userId, workspace: { slug } },
    select: { role: true, workspace: { select: { id: true, name: true, slug: true } } },
  });
  if (!membership) throw notFound();
  return { ...membership.workspace, role: membership.role };
});

export function getMemberWorkspace(options: { userId: string; slug: string }): Promise<MemberWorkspace> {
  return findMemberWorkspace(options.userId, options.slug);
}

export async function listUserWorkspaces(userId: string): Promise<MemberWorkspace[]> {
  const memberships = await db().membership.findMany({
    where: { userId },
    orderBy: { createdAt: 'asc' },
    select: { role: true, workspace: { select: { id: true, name: true, slug: true } } },
  });
  return memberships.map((membership) => ({ ...membership.workspace, role: membership.role }));
}
