import { describe, expect, it } from 'vitest';
import { ensureMembership, ensureUser } from '@/prisma/seed/seed-demo';
import { db } from '@/server/db';
import {
  acceptInvitation,
  changeMemberRole,
  createInvitation,
  describeInvitation,
  listMembers,
  removeMember,
} from '@/server/data/members/members';
import { uniqueEmail, workspaceWithMembers } from './helpers';

/** A workspace with two owners; the second sends invitations and then loses the right to. */
async function setup() {
  const { workspace, members } = await workspaceWithMembers(['owner']);
  const inviter = await ensureUser(db(), { email: uniqueEmail('inviter'), password: 'long enough pass', name: 'Ivy' });
  await ensureMembership(db(), { workspaceId: workspace.id, userId: inviter.id, role: 'owner' });
  const membershipId = (
    await db().membership.findFirstOrThrow({ where: { workspaceId: workspace.id, userId: inviter.id } })
  ).id;
  const invite = async (role: 'owner' | 'editor' | 'viewer') => {
    const email = uniqueEmail(`invitee-${role}`);
    const { token } = await createInvitation({ userId: inviter.id, slug: workspace.slug, input: { email, role } });
    const invitee = await ensureUser(db(), { email, password: 'long enough pass', name: `Invitee ${role}` });
    return { token, invitee };
  };
  return { slug: workspace.slug, workspaceId: workspace.id, owner: members.owner!.id, membershipId, invite };
}

const lapsed = { code: 'CONFLICT', userMessage: expect.stringMatching(/lapsed/) };

describe('invitations outlive no inviter', () => {
  it('lapse when their sender is demoted: the link neither opens nor grants, and the owners see it', async () => {
    const { slug, workspaceId, owner, membershipId, invite } = await setup();
    const asOwner = await invite('owner');
    const asViewer = await invite('viewer');
    expect(await describeInvitation(asOwner.token)).toMatchObject({ role: 'owner' });

    await changeMemberRole({ userId: owner, slug, membershipId, role: 'editor' });

    // Revoked by the demotion, so the link reads as no longer valid.
    await expect(describeInvitation(asOwner.token)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(acceptInvitation({ userId: asOwner.invitee.id, token: asOwner.token })).rejects.toMatchObject(
      expect.objectContaining({ code: expect.stringMatching(/CONFLICT|NOT_FOUND/) }),
    );
    // An editor may not invite at all, so even the viewer invitation lapsed.
    await expect(acceptInvitation({ userId: asViewer.invitee.id, token: asViewer.token })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await db().membership.count({ where: { workspaceId, userId: asOwner.invitee.id } })).toBe(0);
    expect((await listMembers({ userId: owner, slug })).invitations).toHaveLength(0);
    const lapses = await db().auditEvent.findMany({ where: { workspaceId, action: 'invitation.revoked' } });
    expect(lapses.map((event) => event.after)).toEqual([
      { reason: 'inviter_lost_access' },
      { reason: 'inviter_lost_access' },
    ]);
  });

  it('lapse when their sender is removed', async () => {
    const { slug, workspaceId, owner, membershipId, invite } = await setup();
    const asEditor = await invite('editor');
    await removeMember({ userId: owner, slug, membershipId });
    await expect(acceptInvitation({ userId: asEditor.invitee.id, token: asEditor.token })).rejects.toMatchObject({
      code: expect.stringMatching(/CONFLICT|NOT_FOUND/),
    });
    expect(await db().membership.count({ where: { workspaceId, userId: asEditor.invitee.id } })).toBe(0);
  });

  it('never grant a role above the inviter’s current one, even if the lapse was missed', async () => {
    const { workspaceId, membershipId, invite } = await setup();
    const asOwner = await invite('owner');
    // A demotion written behind the data layer's back (no lapse ran): acceptance still checks.
    await db().membership.update({ where: { id: membershipId }, data: { role: 'editor' } });
    await expect(acceptInvitation({ userId: asOwner.invitee.id, token: asOwner.token })).rejects.toMatchObject(lapsed);
    expect(await db().membership.count({ where: { workspaceId, userId: asOwner.invitee.id } })).toBe(0);
  });

  it('still work while their sender may invite', async () => {
    const { slug, invite } = await setup();
    const asEditor = await invite('editor');
    expect(await acceptInvitation({ userId: asEditor.invitee.id, token: asEditor.token })).toMatchObject({
      slug,
      role: 'editor',
    });
  });
});
