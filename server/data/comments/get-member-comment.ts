import 'server-only';
import type { ExportComment } from '@/lib/domain/export/annotation-export';
import { isUuid } from '@/lib/validation/ids';
import { AppError } from '@/lib/errors';
import { db } from '../../db';
import { exportCommentSelect } from '../export/export-selects';
import { visibleAnnotationWhere } from '../privilege/visible-annotations';

// Behind the reply IRIs (/api/comments/{id}) the API and the export emit: members read it.

const notFound = (what: string) =>
  new AppError('NOT_FOUND', { userMessage: `This ${what} does not exist or you cannot see it.` });
const member = (userId: string) => ({ memberships: { some: { userId } } });

export async function getMemberComment(options: {
  userId: string;
  commentId: string;
}): Promise<{ annotation: { id: string; articleId: string }; comment: ExportComment }> {
  if (!isUuid(options.commentId)) throw notFound('comment');
  const found = await db().comment.findFirst({
    where: {
      id: options.commentId,
      annotation: { workspace: member(options.userId), AND: [visibleAnnotationWhere(options.userId)] },
    },
    select: { ...exportCommentSelect, annotation: { select: { id: true, articleId: true } } },
  });
  if (!found) throw notFound('comment');
  const { annotation, ...comment } = found;
  return { annotation, comment };
}
