import type { ReactNode } from 'react';
import { AppHeader } from '@/components/workspace/app-header';
import { SkipLink } from '@/components/workspace/skip-link';
import { requirePageUser } from '@/server/auth/session';
import { countUnreadMentions } from '@/server/data/inbox/inbox';
import { orNotFound } from '@/server/pages/or-not-found';
import { getMemberWorkspace, listUserWorkspaces } from '@/server/data/workspaces/get-member-workspace';

export default async function WorkspaceLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ workspace: string }>;
}) {
  const { workspace: slug } = await params;
  const user = await requirePageUser(`/w/${slug}`);
  const [workspace, workspaces, unreadMentions] = await Promise.all([
    orNotFound(getMemberWorkspace({ userId: user.id, slug })),
    listUserWorkspaces(user.id),
    countUnreadMentions(user.id),
  ]);
  return (
    <>
      <SkipLink />
      <AppHeader user={user} workspace={workspace} workspaces={workspaces} unreadMentions={unreadMentions} />
      {children}
    </>
  );
}
