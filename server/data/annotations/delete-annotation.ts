import 'server-only';
import { ifMatchSatisfied } from '@/lib/domain/web-annotation/http';
import { annotationEtag } from '@/lib/domain/web-annotation/serialize';
import { AppError } from '@/lib/errors';
import { db } from '../../db';
import { recordAuditEvent } from '../audit/record-audit-event';
import { auditSnapshot } from './annotation-record';
import { assertMayChange, getMemberAnnotation } from './get-member-annotation';

/** Deletes the annotation; the audit event keeps what it was. */
export async function deleteAnnotation(options: {
  userId: string;
  annotationId: string;
  articleId?: string;
  /** The request's If-Match: 412 unless it names the current ETag. */
  ifMatch?: string;
}): Promise<void> {
  const annotation = await getMemberAnnotation(options);
  assertMayChange(annotation, options.userId, 'annotation.delete');
  const { record } = annotation;
  const stale = () =>
    new AppError('PRECONDITION_FAILED', {
      userMessage: 'The annotation changed since you loaded it (ETag differs). Reload it, then try again.',
    });
  if (options.ifMatch !== undefined && !ifMatchSatisfied(options.ifMatch, annotationEtag(record))) throw stale();
  await db().$transaction(async (tx) => {
    if (options.ifMatch !== undefined) {
      // Deleted only if still the representation the client saw.
      const { count } = await tx.annotation.deleteMany({
        where: { id: record.id, version: record.version, updatedAt: record.updatedAt },
      });
      if (count === 0) throw stale();
    } else {
      await tx.annotation.delete({ where: { id: record.id } });
    }
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
