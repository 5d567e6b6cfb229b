import { describe, expect, it } from 'vitest';
import { seedArticles } from '@/prisma/seed/seed-demo';
import { authenticateUser } from '@/server/data/users/authenticate-user';
import { createAnnotation } from '@/server/data/annotations/create-annotation';
import { updateAnnotation } from '@/server/data/annotations/update-annotation';
import { resendVerificationMail, verifyEmail } from '@/server/data/account/email-verification';
import { requestPasswordReset, resetPassword } from '@/server/data/account/password-reset';
import { createComment } from '@/server/data/comments/comments';
import { listInbox, countUnreadMentions, markMentionsRead } from '@/server/data/inbox/inbox';
import { acceptInvitation, createInvitation } from '@/server/data/members/members';
import { createAuthSession, findSessionUser } from '@/server/data/sessions/auth-sessions';
import { db } from '@/server/db';
import { catchMail } from '../support/catch-mail';
import { linkIn } from '../support/smtp-catcher';
import { signUpNewUser, uniqueEmail, uniqueIp, workspaceWithMembers } from './helpers';

// Every mail the app sends, read as it arrived at a real SMTP server (smtp-server, in process).

const ORIGIN = 'https://marginalia.example';
const smtp = catchMail(ORIGIN);

const tokenOf = (link: string) => link.split('/').at(-1)!;

describe('invitation mail and the confirmed-address rule', () => {
  it('mails the invitation link; an unconfirmed account cannot use it until the address is confirmed', async () => {
    const { workspace, members } = await workspaceWithMembers(['owner']);
    const slug = (await db().workspace.findUniqueOrThrow({ where: { id: workspace.id } })).slug;
    const email = uniqueEmail('invitee');
    const invitation = await createInvitation({ userId: members.owner!.id, slug, input: { email, role: 'reviewer' } });

    const mail = await smtp().waitFor(email, (m) => /invited you/.test(m.subject ?? ''));
    const link = linkIn(mail, '/invite/');
    expect(link).toBe(`${ORIGIN}/invite/${invitation.token}`);
    expect(mail.text).toContain('as reviewer');
    expect(mail.html).toContain(`href="${link}"`);

    // Anyone can sign up with the invited address: until they confirm it, the link is refused.
    const invitee = await signUpNewUser({ name: 'Invitee', email, password: 'long enough pass' });
    await expect(acceptInvitation({ userId: invitee.id, token: invitation.token })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      userMessage: expect.stringMatching(/Confirm your address/),
    });

    const verification = await smtp().waitFor(email, (m) => /Confirm your email/.test(m.subject ?? ''));
    const verifyLink = linkIn(verification, '/verify-email/');
    expect(verifyLink.startsWith(`${ORIGIN}/verify-email/`)).toBe(true);
    await expect(verifyEmail(tokenOf(verifyLink))).resolves.toEqual({ email });
    await expect(verifyEmail(tokenOf(verifyLink))).rejects.toMatchObject({ code: 'NOT_FOUND' });

    await expect(acceptInvitation({ userId: invitee.id, token: invitation.token })).resolves.toMatchObject({
      slug,
      role: 'reviewer',
    });
  });

  it('sends a new verification link on request, which replaces the old one, and stops once confirmed', async () => {
    const email = uniqueEmail('resend');
    const user = await signUpNewUser({ name: 'Resend', email, password: 'long enough pass' });
    const first = linkIn(await smtp().waitFor(email, (m) => /Confirm/.test(m.subject ?? '')), '/verify-email/');
    await resendVerificationMail(user.id);
    await expect
      .poll(
        () =>
          smtp().mails.filter((m) => m.text?.includes('/verify-email/') && m.to && JSON.stringify(m.to).includes(email))
            .length,
      )
      .toBe(2);
    const links = smtp()
      .mails.filter((m) => JSON.stringify(m.to).includes(email))
      .map((m) => linkIn(m, '/verify-email/'));
    const second = links.find((link) => link !== first)!;
    await expect(verifyEmail(tokenOf(first))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(verifyEmail(tokenOf(second))).resolves.toEqual({ email });
    await expect(resendVerificationMail(user.id)).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('password reset', () => {
  it('mails a single-use link that sets the password and ends every session', async () => {
    const email = uniqueEmail('reset');
    const user = await signUpNewUser({ name: 'Forgetful', email, password: 'the old password' });
    const session = await createAuthSession(user.id);
    await requestPasswordReset({ email, ip: uniqueIp() });
    const mail = await smtp().waitFor(email, (m) => /Reset your/.test(m.subject ?? ''));
    const token = tokenOf(linkIn(mail, '/reset-password/'));

    await resetPassword({ token, password: 'a brand new password' });
    expect(await authenticateUser({ email, password: 'a brand new password' })).toMatchObject({ id: user.id });
    expect(await authenticateUser({ email, password: 'the old password' })).toBeNull();
    expect(await findSessionUser(session, user.id)).toBeNull();
    // The link was read at the address: it counts as confirmed.
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).not.toBeNull();
    await expect(resetPassword({ token, password: 'a third password!' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('does nothing for an unknown address, answering the same; refuses an expired link', async () => {
    const unknown = uniqueEmail('nobody');
    await expect(requestPasswordReset({ email: unknown, ip: uniqueIp() })).resolves.toBeUndefined();
    const email = uniqueEmail('expired');
    await signUpNewUser({ name: 'Slow', email, password: 'the old password' });
    await requestPasswordReset({ email, ip: uniqueIp() });
    const token = tokenOf(
      linkIn(await smtp().waitFor(email, (m) => /Reset/.test(m.subject ?? '')), '/reset-password/'),
    );
    await db().accountToken.updateMany({
      where: { email, purpose: 'password_reset' },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await expect(resetPassword({ token, password: 'too late password' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(smtp().mails.some((m) => JSON.stringify(m.to).includes(unknown))).toBe(false);
  });

  it('is rate-limited per address and per client address', async () => {
    const email = uniqueEmail('spam');
    for (let i = 0; i < 3; i++) await requestPasswordReset({ email, ip: uniqueIp() });
    await expect(requestPasswordReset({ email, ip: uniqueIp() })).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    const ip = uniqueIp();
    for (let i = 0; i < 10; i++) await requestPasswordReset({ email: uniqueEmail('many'), ip });
    await expect(requestPasswordReset({ email: uniqueEmail('many'), ip })).rejects.toMatchObject({
      code: 'RATE_LIMITED',
    });
  });
});

describe('mention and assignment mail, and assignments in the inbox', () => {
  async function passage() {
    const team = await workspaceWithMembers(['owner', 'editor', 'reviewer']);
    const [article] = await seedArticles(db(), { workspaceId: team.workspace.id, authorId: team.members.owner!.id });
    const { record } = await createAnnotation({
      userId: team.members.reviewer!.id,
      articleId: article!.id,
      input: { tag: 'finding', note: null, position: { start: 0, end: 10 }, exact: null },
    });
    const slug = (await db().workspace.findUniqueOrThrow({ where: { id: team.workspace.id } })).slug;
    const email = async (id: string) => (await db().user.findUniqueOrThrow({ where: { id } })).email;
    const passageUrl = `${ORIGIN}/w/${slug}/articles/${article!.id}?annotation=${record.id}`;
    return { ...team, record, slug, articleId: article!.id, email, passageUrl };
  }

  it('mails a mentioned member the comment, escaped, with a link to the passage', async () => {
    const { members, record, email, passageUrl } = await passage();
    await createComment({
      userId: members.reviewer!.id,
      annotationId: record.id,
      body: '@editor see <script>alert(1)</script> here',
      mentions: [members.editor!.id],
    });
    const to = await email(members.editor!.id);
    const mail = await smtp().waitFor(to, (m) => /mentioned you/.test(m.subject ?? ''));
    expect(linkIn(mail, '?annotation=')).toBe(passageUrl);
    expect(mail.text).toContain('<script>alert(1)</script>');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('puts an assignment in the assignee inbox with a link to the passage, and mails them', async () => {
    const { members, record, email, passageUrl } = await passage();
    const assignee = members.reviewer!.id;
    await updateAnnotation({ userId: members.editor!.id, annotationId: record.id, input: { assigneeId: assignee } });
    const mail = await smtp().waitFor(await email(assignee), (m) => /assigned you/.test(m.subject ?? ''));
    expect(linkIn(mail, '?annotation=')).toBe(passageUrl);

    const inbox = await listInbox(assignee);
    expect(inbox).toEqual([
      expect.objectContaining({
        kind: 'assignment',
        author: 'editor',
        href: new URL(passageUrl).pathname + new URL(passageUrl).search,
        readAt: null,
      }),
    ]);
    expect(await countUnreadMentions(assignee)).toBe(1);
    await markMentionsRead({ userId: assignee, ids: [inbox[0]!.id] });
    expect((await listInbox(assignee))[0]!.readAt).not.toBeNull();

    // Assigning yourself notifies nobody.
    const before = await db().assignmentNotice.count();
    await updateAnnotation({
      userId: members.editor!.id,
      annotationId: record.id,
      input: { assigneeId: members.editor!.id },
    });
    expect(await db().assignmentNotice.count()).toBe(before);
  });
});
