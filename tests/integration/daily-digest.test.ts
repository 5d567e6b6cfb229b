// The optional daily digest (issue #13): one mail a day to each opted-in user, listing their unread
// mentions and assignments of the last 24 hours with links to the passages, read as it arrived
// at a real SMTP server; nothing for those with nothing unread, or who did not opt in.
import { describe, expect, it } from 'vitest';
import { seedArticles } from '@/prisma/seed/seed-demo';
import { setDailyDigest } from '@/server/data/account/set-daily-digest';
import { createAnnotation } from '@/server/data/annotations/create-annotation';
import { updateAnnotation } from '@/server/data/annotations/update-annotation';
import { createComment } from '@/server/data/comments/comments';
import { sendDailyDigests } from '@/server/data/digest/send-daily-digests';
import { markMentionsRead } from '@/server/data/inbox/inbox';
import { db } from '@/server/db';
import { startBackgroundWork } from '@/server/jobs/background-work';
import { DIGEST_QUEUE, startDigestSchedule } from '@/server/jobs/digest-jobs';
import { DIGEST_CRON } from '@/lib/domain/mail/digest-mail';
import { catchMail } from '../support/catch-mail';
import { workspaceWithMembers } from './helpers';

const ORIGIN = 'https://marginalia.example';
const HOUR = 60 * 60 * 1000;
const smtp = catchMail(ORIGIN);

async function team() {
  const { workspace, members } = await workspaceWithMembers(['owner', 'editor', 'reviewer']);
  const [article] = await seedArticles(db(), { workspaceId: workspace.id, authorId: members.owner!.id });
  const { record } = await createAnnotation({
    userId: members.reviewer!.id,
    articleId: article!.id,
    input: { tag: 'finding', note: null, position: { start: 0, end: 10 }, exact: null },
  });
  const email = async (id: string) => (await db().user.findUniqueOrThrow({ where: { id } })).email;
  const passageUrl = `${ORIGIN}/w/${workspace.slug}/articles/${article!.id}?annotation=${record.id}`;
  return { members, record, email, passageUrl };
}

const digestsTo = (to: string) => db().mailMessage.count({ where: { kind: 'daily_digest', to } });

describe('daily digest', () => {
  it('mails an opted-in user their unread mentions and assignments of the day, once, with passage links', async () => {
    const { members, record, email, passageUrl } = await team();
    const editor = members.editor!.id;
    await expect(setDailyDigest({ userId: editor, enabled: true })).resolves.toEqual({ dailyDigest: true });
    await createComment({
      userId: members.reviewer!.id,
      annotationId: record.id,
      body: '@editor the <b>figures</b> differ',
      mentions: [editor, members.owner!.id],
    });
    await updateAnnotation({ userId: members.owner!.id, annotationId: record.id, input: { assigneeId: editor } });

    const now = new Date();
    const first = await sendDailyDigests(now);
    expect(first.sent).toBeGreaterThanOrEqual(1);
    const to = await email(editor);
    const mail = await smtp().waitFor(to, (m) => /digest/.test(m.subject ?? ''));
    expect(mail.subject).toBe('Your Marginalia digest: 1 mention and 1 assignment');
    expect(mail.text).toContain('reviewer mentioned you on');
    expect(mail.text).toContain('> @editor the <b>figures</b> differ');
    expect(mail.text).toContain('owner assigned you a passage on');
    expect(mail.text?.match(new RegExp(`Open the passage: ${passageUrl.replace(/[?]/g, '\\?')}`, 'g'))).toHaveLength(2);
    expect(mail.text).toContain(`Open your inbox: ${ORIGIN}/inbox`);
    expect(mail.html).not.toContain('<b>figures</b>');
    expect(mail.html).toContain(`href="${passageUrl}"`);

    // The owner was mentioned too but did not opt in: no digest.
    expect(await digestsTo(await email(members.owner!.id))).toBe(0);
    // A second run the same day sends nothing again.
    await sendDailyDigests(new Date(now.getTime() + HOUR));
    expect(await digestsTo(to)).toBe(1);
  });

  it('sends nothing when nothing is unread, when the items are older than a day, or once turned off', async () => {
    const { members, record, email } = await team();
    const owner = members.owner!.id;
    const reviewer = members.reviewer!.id;
    const editor = members.editor!.id;
    for (const id of [owner, reviewer, editor]) await setDailyDigest({ userId: id, enabled: true });
    await createComment({
      userId: editor,
      annotationId: record.id,
      body: '@owner @reviewer look',
      mentions: [owner, reviewer],
    });
    // The owner read theirs; the reviewer's is from two days ago.
    await markMentionsRead({ userId: owner });
    await db().mention.updateMany({
      where: { userId: reviewer },
      data: { createdAt: new Date(Date.now() - 48 * HOUR) },
    });
    // The editor was assigned, then turned the digest off.
    await updateAnnotation({ userId: owner, annotationId: record.id, input: { assigneeId: editor } });
    await setDailyDigest({ userId: editor, enabled: false });

    await sendDailyDigests(new Date());
    for (const id of [owner, reviewer, editor]) expect(await digestsTo(await email(id))).toBe(0);
    expect(await db().user.count({ where: { id: { in: [owner, reviewer] }, digestSentAt: { not: null } } })).toBe(0);
  });

  it('is scheduled once a day on the job queue, in UTC', async () => {
    // As the server starts it (instrumentation.ts), and once more on first use.
    await startBackgroundWork();
    await startDigestSchedule();
    const rows = await db().$queryRaw<{ cron: string; timezone: string }[]>`
      SELECT cron, timezone FROM pgboss.schedule WHERE name = ${DIGEST_QUEUE}`;
    expect(rows).toEqual([{ cron: DIGEST_CRON, timezone: 'UTC' }]);
  });
});
