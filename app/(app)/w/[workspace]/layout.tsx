import type { ReactNode } from 'react';
import { notFound } from 'next/navigation';
import { AppHeader } from '@/components/workspace/app-header';
import { isAppError } from '@/lib/errors';
import { requirePageUser } from '@/server/auth/session';
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
  const [workspace, workspaces] = await Promise.all([
    getMemberWorkspace({ userId: user.id, slug }).catch((error: unknown) => {
      if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
      throw error;
    }),
    listUserWorkspaces(user.id),
  ]);
  return (
    <>
      <AppHeader user={user} workspace={workspace} workspaces={workspaces} />
      {children}
    </>
  );
}
