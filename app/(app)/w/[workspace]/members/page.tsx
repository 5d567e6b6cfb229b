import type { Metadata } from 'next';
import { WorkspacePage } from '@/components/workspace/workspace-page';
import { MembersManager } from '@/components/members/members-manager';
import { can } from '@/lib/domain/permissions/permissions';
import { requirePageUser } from '@/server/auth/session';
import { listMembers } from '@/server/data/members/members';
import { orNotFound } from '@/server/pages/or-not-found';

export const metadata: Metadata = { title: 'Members' };

export default async function MembersPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const user = await requirePageUser(`/w/${slug}/members`);
  const { workspace, members, invitations } = await orNotFound(listMembers({ userId: user.id, slug }));
  return (
    <WorkspacePage slug={slug}>
      <h1 className="mb-6 text-2xl font-semibold tracking-tight">Members of {workspace.name}</h1>
      <MembersManager
        slug={slug}
        currentUserId={user.id}
        isOwner={can(workspace.role, 'members.manage')}
        members={members.map(({ joinedAt: _joinedAt, ...member }) => member)}
        invitations={invitations.map((invitation) => ({
          ...invitation,
          expiresAt: invitation.expiresAt.toISOString(),
          createdAt: undefined,
        }))}
      />
    </WorkspacePage>
  );
}
