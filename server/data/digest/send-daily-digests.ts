import 'server-only';
import { dailyDigestMail, DIGEST_WINDOW_HOURS, type DigestItem } from '@/lib/domain/mail/digest-mail';
import { db } from '../../db';
import { queueMail } from '../../jobs/mail-jobs';
import { appUrl } from '../../mail/app-url';
import { listInbox } from '../inbox/inbox';

const HOUR_MS = 60 * 60 * 1000;
/** A digest is not sent again within this long, so a second run of the day (a retry, a clock step) sends nothing twice. */
const MIN_GAP_HOURS = 20;
/** Opted-in users read per query: the run walks them all, in pages. */
const PAGE = 200;

async function unreadSince(userId: string, since: Date): Promise<DigestItem[]> {
  // The inbox's own query, so the digest lists exactly what the inbox would show as unread.
  const inbox = await listInbox(userId);
  return inbox
    .filter((item) => item.readAt === null && !item.deleted && new Date(item.createdAt) >= since)
    .map((item) => ({
      kind: item.kind,
      author: item.author,
      articleTitle: item.articleTitle,
      quote: item.quote,
      body: item.body,
      url: appUrl(item.href),
    }));
}

/**
 * Mails every user who turned the daily digest on a summary of their unread mentions and
 * assignments of the last 24 hours; nobody with nothing unread gets a mail. Each mail is queued
 * with the claim of that day's digest in one transaction, so concurrent runs send it once.
 */
export async function sendDailyDigests(now = new Date()): Promise<{ sent: number; checked: number }> {
  const since = new Date(now.getTime() - DIGEST_WINDOW_HOURS * HOUR_MS);
  const notAfter = new Date(now.getTime() - MIN_GAP_HOURS * HOUR_MS);
  const due = { dailyDigest: true, OR: [{ digestSentAt: null }, { digestSentAt: { lt: notAfter } }] };
  let sent = 0;
  let checked = 0;
  let after: string | undefined;
  for (;;) {
    const users = await db().user.findMany({
      where: { ...due, ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: 'asc' },
      take: PAGE,
      select: { id: true, email: true },
    });
    if (users.length === 0) break;
    after = users.at(-1)!.id;
    for (const user of users) {
      checked++;
      const mail = dailyDigestMail({
        items: await unreadSince(user.id, since),
        inboxUrl: appUrl('/inbox'),
        settingsUrl: appUrl('/settings'),
      });
      if (!mail) continue;
      const queued = await db().$transaction(async (tx) => {
        const claimed = await tx.user.updateMany({ where: { id: user.id, ...due }, data: { digestSentAt: now } });
        if (claimed.count === 0) return false;
        await queueMail(tx, { kind: 'daily_digest', to: user.email, requestedById: null, ...mail });
        return true;
      });
      if (queued) sent++;
    }
  }
  return { sent, checked };
}
