import 'server-only';
import { db } from '../../db';

export type FailedMailRow = {
  id: string;
  kind: string;
  to: string;
  subject: string;
  lastError: string | null;
  createdAt: Date;
};

/** Mail the user caused (invitations they sent, mentions they wrote…) that could not be delivered after its retries. */
export async function listFailedMail(userId: string): Promise<FailedMailRow[]> {
  return db().mailMessage.findMany({
    where: { requestedById: userId, status: 'failed' },
    orderBy: { createdAt: 'desc' },
    take: 50,
    select: { id: true, kind: true, to: true, subject: true, lastError: true, createdAt: true },
  });
}

/** The latest mail of the built-in outbox, for /dev/outbox (development only). */
export async function listOutbox() {
  return db().mailMessage.findMany({
    orderBy: { createdAt: 'desc' },
    take: 100,
    select: {
      id: true,
      kind: true,
      to: true,
      subject: true,
      text: true,
      status: true,
      attempts: true,
      createdAt: true,
    },
  });
}
