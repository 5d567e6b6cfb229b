import 'server-only';
import { isUuid } from '@/lib/validation/ids';
import type { AnnotationRecord } from '@/lib/domain/annotations/web-annotation';
import { assertCan, type Role } from '@/lib/domain/permissions/permissions';
import { AppError } from '@/lib/errors';
import { db } from '../../db';
import { visibleAnnotationWhere } from '../privilege/visible-annotations';
import { annotationRecordSelect } from './annotation-record';

const notFound = () =>
  new AppError('NOT_FOUND', { userMessage: 'This annotation does not exist or you cannot see it.' });

export type MemberAnnotation = { record: AnnotationRecord; workspaceId: string; role: Role };

/**
 * The annotation with the caller's role in its workspace; "not found" for non-members and for
 * a privileged annotation the caller may not read. Its thread, links, history and every write
 * on it come through here.
 */
export async function getMemberAnnotation(options: {
  userId: string;
  annotationId: string;
  /** From the container IRI: the annotation must be in this article. */
  articleId?: string;
}): Promise<MemberAnnotation> {
  if (!isUuid(options.annotationId) || (options.articleId !== undefined && !isUuid(options.articleId)))
    throw notFound();
  const found = await db().annotation.findFirst({
    where: {
      id: options.annotationId,
      ...(options.articleId !== undefined ? { articleId: options.articleId } : {}),
      workspace: { memberships: { some: { userId: options.userId } } },
      // A privileged annotation the caller may not read is as absent as a foreign one.
      AND: [visibleAnnotationWhere(options.userId)],
    },
    select: {
      ...annotationRecordSelect,
      workspaceId: true,
      workspace: { select: { memberships: { where: { userId: options.userId }, select: { role: true } } } },
    },
  });
  const role = found?.workspace.memberships[0]?.role;
  if (!found || !role) throw notFound();
  const { workspace: _membership, workspaceId, ...record } = found;
  return { record, workspaceId, role };
}

/** Authors change their own annotations (while their role writes); editors and owners anyone's. */
export function assertMayChange(
  annotation: MemberAnnotation,
  userId: string,
  action: 'annotation.update' | 'annotation.delete' = 'annotation.update',
): void {
  assertCan(annotation.role, action, { ownerId: annotation.record.author?.id ?? null, userId });
}
