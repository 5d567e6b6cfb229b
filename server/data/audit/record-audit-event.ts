import 'server-only';
import type { Prisma } from '../../generated/prisma/client';

type Tx = Prisma.TransactionClient;

export type AuditEventInput = {
  workspaceId: string | null;
  actorId: string | null;
  action: string;
  objectType: string;
  objectId: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
};

/** Call inside the transaction that makes the change, so the record and the change land together. */
export async function recordAuditEvent(tx: Tx, event: AuditEventInput): Promise<void> {
  await tx.auditEvent.create({ data: event });
}
