import 'server-only';
import type { AnnotationRecord } from '@/lib/domain/annotations/web-annotation';
import type { AnnotationAuditEvent } from '@/lib/domain/audit/audit-event';
import { assertCan } from '@/lib/domain/permissions/permissions';
import { AppError } from '@/lib/errors';
import type { TUpdateAnnotation } from '@/lib/validation/annotations';
import { db } from '../../db';
import type { Prisma } from '../../generated/prisma/client';
import { recordAuditEvent } from '../audit/record-audit-event';
import { notifyAssignment } from '../notifications/notify';
import { ifMatchSatisfied } from '@/lib/domain/web-annotation/http';
import { annotationEtag } from '@/lib/domain/web-annotation/serialize';
import { annotationRecordSelect, auditSnapshot } from './annotation-record';
import { assertMayChange, getMemberAnnotation, type MemberAnnotation } from './get-member-annotation';

const preconditionFailed = () =>
  new AppError('PRECONDITION_FAILED', {
    userMessage: 'The annotation changed since you loaded it (ETag differs). Reload it, then try again.',
  });

const stale = () =>
  new AppError('CONFLICT', {
    userMessage: 'Someone changed this annotation since you loaded it. Reload to see their change, then try again.',
  });

/** The audit action that names what the patch did, most specific first. */
function actionFor(
  input: TUpdateAnnotation,
  before: AnnotationRecord,
): Exclude<
  AnnotationAuditEvent['action'],
  'annotation.created' | 'annotation.deleted' | 'annotation.confirmed' | 'annotation.reanchored'
> {
  if (input.reviewStatus !== undefined && input.reviewStatus !== before.reviewStatus) return 'annotation.reviewed';
  if (input.assigneeId !== undefined && input.assigneeId !== before.assigneeId) return 'annotation.assigned';
  if (input.status !== undefined && input.status !== before.status) {
    return input.status === 'resolved' ? 'annotation.resolved' : 'annotation.reopened';
  }
  return 'annotation.updated';
}

async function authorize(annotation: MemberAnnotation, userId: string, input: TUpdateAnnotation) {
  if (input.tag !== undefined || input.note !== undefined || input.status !== undefined)
    assertMayChange(annotation, userId);
  if (input.reviewStatus !== undefined || input.assigneeId !== undefined)
    assertCan(annotation.role, 'annotation.review');
  if (input.assigneeId) {
    const member = await db().membership.findUnique({
      where: { workspaceId_userId: { workspaceId: annotation.workspaceId, userId: input.assigneeId } },
      select: { id: true },
    });
    if (!member) {
      throw new AppError('INVALID_INPUT', {
        userMessage: 'The assignee must be a member of this workspace.',
        fieldErrors: { assigneeId: ['The assignee must be a member of this workspace.'] },
      });
    }
  }
}

function changes(
  input: TUpdateAnnotation,
  before: AnnotationRecord,
  userId: string,
): Prisma.AnnotationUpdateManyMutationInput {
  const now = new Date();
  return {
    ...(input.tag !== undefined ? { tag: input.tag } : {}),
    ...(input.note !== undefined ? { note: input.note || null } : {}),
    ...(input.status !== undefined && input.status !== before.status
      ? input.status === 'resolved'
        ? { status: 'resolved', resolvedAt: now, resolvedById: userId }
        : { status: 'open', resolvedAt: null, resolvedById: null }
      : {}),
    ...(input.reviewStatus !== undefined && input.reviewStatus !== before.reviewStatus
      ? input.reviewStatus === 'open'
        ? { reviewStatus: 'open', reviewedAt: null, reviewedById: null }
        : { reviewStatus: input.reviewStatus, reviewedAt: now, reviewedById: userId }
      : {}),
    ...(input.assigneeId !== undefined ? { assigneeId: input.assigneeId } : {}),
    version: { increment: 1 },
  };
}

/**
 * Changes tag, note, thread status, review status or assignee. Authors (and editors and
 * owners) change what they wrote; only editors and owners review and assign. The version
 * guard makes a concurrent edit fail with 409 instead of being lost.
 */
export async function updateAnnotation(options: {
  userId: string;
  annotationId: string;
  articleId?: string;
  input: TUpdateAnnotation;
  /** The request's If-Match: 412 unless it names the current ETag. */
  ifMatch?: string;
}): Promise<AnnotationRecord> {
  const annotation = await getMemberAnnotation(options);
  const { input } = options;
  await authorize(annotation, options.userId, input);
  const before = annotation.record;
  if (options.ifMatch !== undefined && !ifMatchSatisfied(options.ifMatch, annotationEtag(before))) {
    throw preconditionFailed();
  }
  if (input.version !== undefined && input.version !== before.version) throw stale();
  return db().$transaction(async (tx) => {
    const { count } = await tx.annotation.updateMany({
      where: { id: before.id, version: before.version },
      data: changes(input, before, options.userId),
    });
    if (count === 0) throw stale();
    // privilege: the row this transaction just changed, read before through getMemberAnnotation (filtered).
    const after = await tx.annotation.findUniqueOrThrow({ where: { id: before.id }, select: annotationRecordSelect });
    await recordAuditEvent(tx, {
      workspaceId: annotation.workspaceId,
      actorId: options.userId,
      action: actionFor(input, before),
      objectType: 'annotation',
      objectId: before.id,
      before: auditSnapshot(before),
      after: auditSnapshot(after),
    });
    if (after.assigneeId && after.assigneeId !== before.assigneeId) {
      await notifyAssignment(tx, {
        annotationId: before.id,
        articleId: after.articleId,
        workspaceId: annotation.workspaceId,
        quote: after.quoteExact,
        tag: after.tag,
        assigneeId: after.assigneeId,
        assignerId: options.userId,
      });
    }
    return after;
  });
}
