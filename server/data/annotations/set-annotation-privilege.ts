import 'server-only';
import type { AnnotationRecord } from '@/lib/domain/annotations/web-annotation';
import { assertCan } from '@/lib/domain/permissions/permissions';
import { AppError } from '@/lib/errors';
import { db } from '../../db';
import { recordAuditEvent } from '../audit/record-audit-event';
import { annotationRecordSelect, auditSnapshot } from './annotation-record';
import { getMemberAnnotation } from './get-member-annotation';

const stale = () =>
  new AppError('CONFLICT', {
    userMessage: 'Someone changed this annotation since you loaded it. Reload to see their change, then try again.',
  });

/**
 * Marks the annotation (with its thread) privileged on the stated basis, or withdraws the
 * privilege (`basis: null`): its author (as a reviewer or above), editors and owners. Audited
 * either way; marking again with another basis records the new basis. Doing what is already
 * done changes nothing and records nothing.
 */
export async function setAnnotationPrivilege(options: {
  userId: string;
  annotationId: string;
  basis: string | null;
  version: number;
}): Promise<AnnotationRecord> {
  const annotation = await getMemberAnnotation(options);
  const before = annotation.record;
  assertCan(annotation.role, 'annotation.privilege', { ownerId: before.author?.id ?? null, userId: options.userId });
  if (options.version !== before.version) throw stale();
  const marked = before.privilegedAt !== null && before.privilegedAt !== undefined;
  if (options.basis === null ? !marked : marked && before.privilegeBasis === options.basis) return before;
  return db().$transaction(async (tx) => {
    const { count } = await tx.annotation.updateMany({
      where: { id: before.id, version: before.version },
      data:
        options.basis === null
          ? { privilegedAt: null, privilegedById: null, privilegeBasis: null, version: { increment: 1 } }
          : {
              privilegedAt: new Date(),
              privilegedById: options.userId,
              privilegeBasis: options.basis,
              version: { increment: 1 },
            },
    });
    if (count === 0) throw stale();
    // privilege: the row this transaction just changed, read before through getMemberAnnotation (filtered).
    const after = await tx.annotation.findUniqueOrThrow({ where: { id: before.id }, select: annotationRecordSelect });
    await recordAuditEvent(tx, {
      workspaceId: annotation.workspaceId,
      actorId: options.userId,
      action: options.basis === null ? 'annotation.unprivileged' : 'annotation.privileged',
      objectType: 'annotation',
      objectId: before.id,
      before: auditSnapshot(before),
      after: auditSnapshot(after),
    });
    return after;
  });
}
