import 'server-only';
import { can, roleAtMost, type Role } from '@/lib/domain/permissions/permissions';
import type { Prisma } from '../../generated/prisma/client';
import { recordAuditEvent } from '../audit/record-audit-event';

type Tx = Prisma.TransactionClient;

/**
 * An invitation is only as good as its sender: it holds while whoever created it may still
 * invite in that workspace, and never offers a role above the sender's current one. Checked
 * when the link is opened and when it is accepted.
 */
export async function invitationIsBacked(
  tx: Tx,
  invitation: { workspaceId: string; createdById: string | null; role: Role },
): Promise<boolean> {
  if (!invitation.createdById) return false;
  const inviter = await tx.membership.findUnique({
    where: { workspaceId_userId: { workspaceId: invitation.workspaceId, userId: invitation.createdById } },
    select: { role: true },
  });
  return !!inviter && can(inviter.role, 'members.manage') && roleAtMost(invitation.role, inviter.role);
}

/**
 * When a member loses the right to invite (demoted or removed), their pending invitations
 * lapse at once: revoked, with an audit event each, so the owners' list and the trail say so.
 */
export async function lapseInvitationsOf(
  tx: Tx,
  options: { workspaceId: string; inviterId: string; newRole: Role | null; actorId: string },
): Promise<void> {
  const pending = await tx.invitation.findMany({
    where: { workspaceId: options.workspaceId, createdById: options.inviterId, acceptedAt: null, revokedAt: null },
    select: { id: true, role: true },
  });
  const { newRole } = options;
  const lapsing = pending.filter(
    (invitation) => !newRole || !can(newRole, 'members.manage') || !roleAtMost(invitation.role, newRole),
  );
  if (lapsing.length === 0) return;
  await tx.invitation.updateMany({
    where: { id: { in: lapsing.map((invitation) => invitation.id) } },
    data: { revokedAt: new Date() },
  });
  for (const invitation of lapsing) {
    await recordAuditEvent(tx, {
      workspaceId: options.workspaceId,
      actorId: options.actorId,
      action: 'invitation.revoked',
      objectType: 'invitation',
      objectId: invitation.id,
      after: { reason: 'inviter_lost_access' },
    });
  }
}
