import type { Metadata } from 'next';
import { AcceptInvitation } from '@/components/members/accept-invitation';
import { Alert } from '@/components/ui/alert';
import { Logo } from '@/components/ui/logo';
import { isAppError } from '@/lib/errors';
import { requirePageUser } from '@/server/auth/session';
import { describeInvitation } from '@/server/data/members/members';

export const metadata: Metadata = { title: 'Invitation' };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await requirePageUser(`/invite/${token}`);
  const invitation = await describeInvitation(token).catch((error: unknown) => {
    if (isAppError(error)) return error;
    throw error;
  });
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4">
      <Logo className="mb-8 text-2xl" />
      <div className="w-full max-w-sm space-y-4 rounded-xl border border-stone-200 bg-white p-8 shadow-sm">
        {isAppError(invitation) ? (
          <Alert>{invitation.userMessage}</Alert>
        ) : invitation.expired ? (
          <Alert>This invitation has expired. Ask the owner of {invitation.workspace.name} for a new link.</Alert>
        ) : (
          <>
            <h1 className="text-xl font-semibold tracking-tight">Join {invitation.workspace.name}</h1>
            <p className="text-sm text-stone-600">
              {invitation.createdBy?.name ?? 'An owner'} invited <strong>{invitation.email}</strong> as{' '}
              <strong>{invitation.role}</strong>. You are signed in as {user.email}.
            </p>
            <AcceptInvitation token={token} workspaceName={invitation.workspace.name} />
          </>
        )}
      </div>
    </main>
  );
}
