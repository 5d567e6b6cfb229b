import 'server-only';
import { db } from '../../db';
import { recordAuditEvent } from '../audit/record-audit-event';
import { auditSnapshot } from './annotation-record';
import { assertMayChange, getMemberAnnotation } from './get-member-annotation';

/** Deletes the annotation; the audit event keeps what it was. */
export async function deleteAnnotation(options: { userId: string; annotationId: string }): Promise<void> {
  const annotation = await getMemberAnnotation(options);
  assertMayChange(annotation, options.userId, 'annotation.delete');
  await db().$transaction(async (tx) => {
    await tx.annotation.delete({ where: { id: annotation.record.id } });
    await recordAuditEvent(tx, {
      workspaceId: annotation.workspaceId,
      actorId: options.userId,
      action: 'annotation.deleted',
      objectType: 'annotation',
      objectId: annotation.record.id,
      before: auditSnapshot(annotation.record),
    });
  });
}
