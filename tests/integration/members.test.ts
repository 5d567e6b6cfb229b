import { describe, expect, it } from 'vitest';
import { db } from '@/server/db';
import {
  acceptInvitation,
  changeMemberRole,
  createInvitation,
  listMembers,
  removeMember,
  revokeInvitation,
} from '@/server/data/members/members';
import { uniqueEmail, workspaceWithMembers } from './helpers';
import { ensureUser } from '@/prisma/seed/seed-demo';

async function team() {
  const { workspace, members } = await workspaceWithMembers(['owner', 'editor', 'viewer']);
  const slug = (await db().workspace.findUniqueOrThrow({ where: { id: workspace.id } })).slug;
  const membershipOf = async (userId: string) =>
    (await db().membership.findFirstOrThrow({ where: { workspaceId: workspace.id, userId } })).id;
  return {
    slug,
    workspaceId: workspace.id,
    owner: members.owner!.id,
    editor: members.editor!.id,
    viewer: members.viewer!.id,
    membershipOf,
  };
}

describe('invitations', () => {
  it('lets the invited email join once, with the role, and only owners invite', async () => {
    const { slug, owner, editor, workspaceId } = await team();
    const email = uniqueEmail('invitee');
    await expect(createInvitation({ userId: editor, slug, input: { email, role: 'viewer' } })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const invitation = await createInvitation({ userId: owner, slug, input: { email, role: 'viewer' } });
    expect(invitation.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await db().invitation.count({ where: { tokenHash: invitation.token } })).toBe(0);

    const someoneElse = await ensureUser(db(), {
      email: uniqueEmail('other'),
      password: 'long enough pass',
      name: 'Other',
    });
    await expect(acceptInvitation({ userId: someoneElse.id, token: invitation.token })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });

    const invitee = await ensureUser(db(), { email, password: 'long enough pass', name: 'Invitee' });
    expect(await acceptInvitation({ userId: invitee.id, token: invitation.token })).toEqual({
      slug,
      role: 'viewer',
      alreadyMember: false,
    });
    expect(await db().membership.findFirst({ where: { workspaceId, userId: invitee.id } })).toMatchObject({
      role: 'viewer',
    });
    await expect(acceptInvitation({ userId: invitee.id, token: invitation.token })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('refuses expired and revoked invitations', async () => {
    const { slug, owner } = await team();
    const email = uniqueEmail('late');
    const invitee = await ensureUser(db(), { email, password: 'long enough pass', name: 'Late' });
    const expired = await createInvitation({ userId: owner, slug, input: { email, role: 'reviewer' } });
    await db().invitation.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(acceptInvitation({ userId: invitee.id, token: expired.token })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const revoked = await createInvitation({ userId: owner, slug, input: { email, role: 'reviewer' } });
    await revokeInvitation({ userId: owner, slug, invitationId: revoked.id });
    await expect(acceptInvitation({ userId: invitee.id, token: revoked.token })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('roles and membership', () => {
  it('never leaves a workspace without an owner', async () => {
    const { slug, owner, editor, membershipOf } = await team();
    const ownerMembership = await membershipOf(owner);
    await expect(
      changeMemberRole({ userId: owner, slug, membershipId: ownerMembership, role: 'editor' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(removeMember({ userId: owner, slug, membershipId: ownerMembership })).rejects.toMatchObject({
      code: 'CONFLICT',
    });

    await changeMemberRole({ userId: owner, slug, membershipId: await membershipOf(editor), role: 'owner' });
    // Two owners demoting each other at once: one must fail.
    const results = await Promise.allSettled([
      changeMemberRole({ userId: owner, slug, membershipId: await membershipOf(editor), role: 'viewer' }),
      changeMemberRole({ userId: editor, slug, membershipId: ownerMembership, role: 'viewer' }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const { members } = await listMembers({ userId: owner, slug }).catch(() => listMembers({ userId: editor, slug }));
    expect(members.filter((member) => member.role === 'owner')).toHaveLength(1);
  });

  it('lets members leave and only owners remove others, with audit events', async () => {
    const { slug, owner, editor, viewer, membershipOf } = await team();
    await expect(
      removeMember({ userId: editor, slug, membershipId: await membershipOf(viewer) }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      changeMemberRole({ userId: editor, slug, membershipId: await membershipOf(viewer), role: 'owner' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await removeMember({ userId: viewer, slug, membershipId: await membershipOf(viewer) });
    await removeMember({ userId: owner, slug, membershipId: await membershipOf(editor) });
    const { members } = await listMembers({ userId: owner, slug });
    expect(members.map((member) => member.role)).toEqual(['owner']);
    const actions = (
      await db().auditEvent.findMany({ where: { objectId: { in: [viewer, editor] } }, select: { action: true } })
    ).map((e) => e.action);
    expect(actions.sort()).toEqual(['member.left', 'member.removed']);
  });
});
