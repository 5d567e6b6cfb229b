import type { Metadata } from 'next';
import { StandalonePage } from '@/components/ui/standalone-page';
import { NewWorkspaceForm } from '@/components/workspace/new-workspace-form';
import { requirePageUser } from '@/server/auth/session';

export const metadata: Metadata = { title: 'New workspace' };

export default async function NewWorkspacePage() {
  const user = await requirePageUser('/workspaces/new');
  return (
    <StandalonePage title="New workspace" email={user.email}>
      <NewWorkspaceForm />
    </StandalonePage>
  );
}
