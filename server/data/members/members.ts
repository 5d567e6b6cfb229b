import 'server-only';
import { memberLabels } from '@/lib/domain/people/display-names';
import { createHash, randomBytes } from 'node:crypto';
import { assertCan, can, roleAtMost, type Role } from '@/lib/domain/permissions/permissions';
import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/validation/ids';
import type { TCreateInvitation } from '@/lib/validation/members';
import { db } from '../../db';
import type { Prisma } from '../../generated/prisma/client';
import { invitationMail } from '@/lib/domain/mail/workspace-mails';
import { queueMail } from '../../jobs/mail-jobs';
import { appUrl } from '../../mail/app-url';
import { recordAuditEvent } from '../audit/record-audit-event';
import { invitationIsBacked, lapseInvitationsOf } from '../invitations/invitation-backing';
import { getMemberWorkspace, type MemberWorkspace } from '../workspaces/get-member-workspace';

export const INVITATION_TTL_DAYS = 7;

export type MemberRow = {
  membershipId: string;
  userId: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: Date;
};
export type InvitationRow = { id: string; email: string; role: Role; createdAt: Date; expiresAt: Date };

const hashInvitationToken = (token: string) => createHash('sha256').update(token).digest('hex');

async function ownerOf(userId: string, slug: string): Promise<MemberWorkspace> {
  const workspace = await getMemberWorkspace({ userId, slug });
  assertCan(workspace.role, 'members.manage');
  return workspace;
}

/** Everyone in the workspace; pending invitations too, for owners. */
export async function listMembers(options: { userId: string; slug: string }) {
  const workspace = await getMemberWorkspace(options);
  const memberships = await db().membership.findMany({
    where: { workspaceId: workspace.id },
    orderBy: { createdAt: 'asc' },
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
  });
  // Where two members' names look alike, each is shown with part of their email.
  const labels = memberLabels(memberships.map(({ user }) => ({ userId: user.id, name: user.name, email: user.email })));
  const members: MemberRow[] = memberships.map((m) => ({
    membershipId: m.id,
    userId: m.user.id,
    name: labels.get(m.user.id) ?? m.user.name,
    email: m.user.email,
    role: m.role,
    joinedAt: m.createdAt,
  }));
  const invitations: InvitationRow[] = can(workspace.role, 'members.manage')
    ? await db().invitation.findMany({
        where: { workspaceId: workspace.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
        orderBy: { createdAt: 'desc' },
        select: { id: true, email: true, role: true, createdAt: true, expiresAt: true },
      })
    : [];
  return { workspace, members, invitations };
}

/** Returns the invitation with its secret token, shown once to the owner to copy into a link. */
export async function createInvitation(options: { userId: string; slug: string; input: TCreateInvitation }) {
  const workspace = await ownerOf(options.userId, options.slug);
  if (!roleAtMost(options.input.role, workspace.role)) {
    throw new AppError('FORBIDDEN', { userMessage: 'You cannot invite someone with a role above your own.' });
  }
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000);
  const invitation = await db().$transaction(async (tx) => {
    const created = await tx.invitation.create({
      data: {
        workspaceId: workspace.id,
        email: options.input.email,
        role: options.input.role,
        tokenHash: hashInvitationToken(token),
        createdById: options.userId,
        expiresAt,
      },
      select: { id: true, email: true, role: true, createdAt: true, expiresAt: true },
    });
    await recordAuditEvent(tx, {
      workspaceId: workspace.id,
      actorId: options.userId,
      action: 'invitation.created',
      objectType: 'invitation',
      objectId: created.id,
      after: { email: created.email, role: created.role, expiresAt: expiresAt.toISOString() },
    });
    // Mailed with the invitation's own transaction: no invitation without its mail, and no mail
    // for an invitation that was rolled back. The owner still gets the link to pass on by hand.
    const inviter = await tx.user.findUniqueOrThrow({ where: { id: options.userId }, select: { name: true } });
    const mail = invitationMail({
      inviterName: inviter.name,
      workspaceName: workspace.name,
      role: created.role,
      url: appUrl(`/invite/${token}`),
      expiresAt,
    });
    await queueMail(tx, { kind: 'invitation', to: created.email, requestedById: options.userId, ...mail });
    return created;
  });
  return { ...invitation, token };
}

export async function revokeInvitation(options: { userId: string; slug: string; invitationId: string }) {
  const workspace = await ownerOf(options.userId, options.slug);
  const notFound = new AppError('NOT_FOUND', { userMessage: 'This invitation does not exist.' });
  if (!isUuid(options.invitationId)) throw notFound;
  await db().$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({
      where: { id: options.invitationId, workspaceId: workspace.id, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw notFound;
    await recordAuditEvent(tx, {
      workspaceId: workspace.id,
      actorId: options.userId,
      action: 'invitation.revoked',
      objectType: 'invitation',
      objectId: options.invitationId,
      after: null,
    });
  });
}

const invalidInvitation = () =>
  new AppError('NOT_FOUND', {
    userMessage: 'This invitation link is not valid: it may have been used, revoked or mistyped.',
  });

const lapsedInvitation = () =>
  new AppError('CONFLICT', {
    userMessage: 'This invitation has lapsed: whoever sent it can no longer invite. Ask an owner for a new link.',
  });

/** What an invitation link offers, for the page that asks the user to accept it. */
export async function describeInvitation(token: string) {
  const invitation = await db().invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: {
      workspaceId: true,
      createdById: true,
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      workspace: { select: { name: true, slug: true } },
      createdBy: { select: { name: true } },
    },
  });
  if (!invitation || invitation.acceptedAt || invitation.revokedAt) throw invalidInvitation();
  if (!(await invitationIsBacked(db(), invitation))) throw lapsedInvitation();
  const { workspaceId: _workspaceId, createdById: _createdById, ...shown } = invitation;
  return { ...shown, expired: invitation.expiresAt <= new Date() };
}

/** Joins the signed-in user to the workspace; the link works once, in time, for the invited email. */
export async function acceptInvitation(options: { userId: string; token: string }) {
  return db().$transaction(async (tx) => {
    // Locks the invitation row, so two tabs accepting at once cannot both use it.
    const [row] = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Invitation" WHERE "tokenHash" = ${hashInvitationToken(options.token)} FOR UPDATE`;
    if (!row) throw invalidInvitation();
    const invitation = await tx.invitation.findUniqueOrThrow({
      where: { id: row.id },
      include: { workspace: { select: { id: true, slug: true } } },
    });
    if (invitation.acceptedAt || invitation.revokedAt) throw invalidInvitation();
    if (!(await invitationIsBacked(tx, invitation))) throw lapsedInvitation();
    if (invitation.expiresAt <= new Date()) {
      throw new AppError('CONFLICT', { userMessage: 'This invitation has expired. Ask the owner for a new link.' });
    }
    const user = await tx.user.findUniqueOrThrow({
      where: { id: options.userId },
      select: { email: true, emailVerifiedAt: true },
    });
    if (user.email !== invitation.email) {
      throw new AppError('FORBIDDEN', {
        userMessage: `This invitation is for ${invitation.email}, and you are signed in as ${user.email}. Sign in with the invited address.`,
      });
    }
    // Anyone can sign up with any address: only its confirmed owner may take an invitation bound to it.
    if (!user.emailVerifiedAt) {
      throw new AppError('FORBIDDEN', {
        userMessage: `Confirm your address first: open the link we mailed to ${user.email} (or send a new one from Settings), then accept the invitation.`,
      });
    }
    const existing = await tx.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: invitation.workspaceId, userId: options.userId } },
    });
    if (!existing) {
      await tx.membership.create({
        data: { workspaceId: invitation.workspaceId, userId: options.userId, role: invitation.role },
      });
    }
    await tx.invitation.update({
      where: { id: invitation.id },
      data: { acceptedAt: new Date(), acceptedBy: options.userId },
    });
    await recordAuditEvent(tx, {
      workspaceId: invitation.workspaceId,
      actorId: options.userId,
      action: 'member.joined',
      objectType: 'membership',
      objectId: options.userId,
      after: { role: existing?.role ?? invitation.role, invitationId: invitation.id, alreadyMember: Boolean(existing) },
    });
    return {
      slug: invitation.workspace.slug,
      role: existing?.role ?? invitation.role,
      alreadyMember: Boolean(existing),
    };
  });
}

type Tx = Prisma.TransactionClient;

/** Locks the workspace's owner memberships and refuses a change that would leave it without one. */
async function assertAnotherOwnerRemains(tx: Tx, workspaceId: string, membershipId: string) {
  const owners = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Membership" WHERE "workspaceId" = ${workspaceId}::uuid AND role = 'owner' ORDER BY id FOR UPDATE`;
  if (owners.length === 1 && owners[0]!.id === membershipId) {
    throw new AppError('CONFLICT', {
      userMessage: 'A workspace needs at least one owner. Make someone else an owner first.',
    });
  }
}

async function targetMembership(tx: Tx, workspaceId: string, membershipId: string) {
  const notFound = new AppError('NOT_FOUND', { userMessage: 'This member does not exist.' });
  if (!isUuid(membershipId)) throw notFound;
  const membership = await tx.membership.findFirst({
    where: { id: membershipId, workspaceId },
    include: { user: { select: { name: true, email: true } } },
  });
  if (!membership) throw notFound;
  return membership;
}

export async function changeMemberRole(options: { userId: string; slug: string; membershipId: string; role: Role }) {
  const workspace = await ownerOf(options.userId, options.slug);
  return db().$transaction(async (tx) => {
    const membership = await targetMembership(tx, workspace.id, options.membershipId);
    if (membership.role === options.role) return membership;
    if (membership.role === 'owner') await assertAnotherOwnerRemains(tx, workspace.id, membership.id);
    const updated = await tx.membership.update({ where: { id: membership.id }, data: { role: options.role } });
    await lapseInvitationsOf(tx, {
      workspaceId: workspace.id,
      inviterId: membership.userId,
      newRole: updated.role,
      actorId: options.userId,
    });
    await recordAuditEvent(tx, {
      workspaceId: workspace.id,
      actorId: options.userId,
      action: 'member.role_changed',
      objectType: 'membership',
      objectId: membership.userId,
      before: { role: membership.role, member: membership.user.name, email: membership.user.email },
      after: { role: updated.role, member: membership.user.name, email: membership.user.email },
    });
    return updated;
  });
}

/** Owners remove anyone; every member may remove themselves (leave). Never the last owner. */
export async function removeMember(options: { userId: string; slug: string; membershipId: string }) {
  const workspace = await getMemberWorkspace({ userId: options.userId, slug: options.slug });
  await db().$transaction(async (tx) => {
    const membership = await targetMembership(tx, workspace.id, options.membershipId);
    const leaving = membership.userId === options.userId;
    assertCan(workspace.role, 'members.remove', { ownerId: membership.userId, userId: options.userId });
    if (membership.role === 'owner') await assertAnotherOwnerRemains(tx, workspace.id, membership.id);
    await tx.membership.delete({ where: { id: membership.id } });
    await lapseInvitationsOf(tx, {
      workspaceId: workspace.id,
      inviterId: membership.userId,
      newRole: null,
      actorId: options.userId,
    });
    await recordAuditEvent(tx, {
      workspaceId: workspace.id,
      actorId: options.userId,
      action: leaving ? 'member.left' : 'member.removed',
      objectType: 'membership',
      objectId: membership.userId,
      before: { role: membership.role, member: membership.user.name, email: membership.user.email },
    });
  });
}
