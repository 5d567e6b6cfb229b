import 'server-only';
import { memberLabels } from '@/lib/domain/people/display-names';
import { db } from '../../db';

/** Each member's label in this workspace (the name, plus part of the email where two names look alike). */
export async function workspaceMemberLabels(workspaceId: string): Promise<Map<string, string>> {
  const memberships = await db().membership.findMany({
    where: { workspaceId },
    select: { user: { select: { id: true, name: true, email: true } } },
  });
  return memberLabels(memberships.map(({ user }) => ({ userId: user.id, name: user.name, email: user.email })));
}
