import 'server-only';
import type { ExportLink } from '@/lib/domain/export/annotation-export';
import { isUuid } from '@/lib/validation/ids';
import { AppError } from '@/lib/errors';
import { db } from '../../db';
import { exportLinkSelect } from '../export/export-selects';
import { visibleAnnotationWhere } from '../privilege/visible-annotations';

// Behind the link IRIs (/api/links/{id}) the export emits: members read it.

const notFound = (what: string) =>
  new AppError('NOT_FOUND', { userMessage: `This ${what} does not exist or you cannot see it.` });
const member = (userId: string) => ({ memberships: { some: { userId } } });

export async function getMemberLink(options: { userId: string; linkId: string }): Promise<ExportLink> {
  if (!isUuid(options.linkId)) throw notFound('link');
  const found = await db().annotationLink.findFirst({
    // A link is the reader's only when both its ends are: either may be privileged.
    where: {
      id: options.linkId,
      workspace: member(options.userId),
      from: visibleAnnotationWhere(options.userId),
      to: visibleAnnotationWhere(options.userId),
    },
    select: exportLinkSelect,
  });
  if (!found) throw notFound('link');
  const { createdById, from, to, ...link } = found;
  const author = createdById
    ? await db().user.findUnique({ where: { id: createdById }, select: { id: true, name: true } })
    : null;
  return { ...link, fromArticleId: from.articleId, toArticleId: to.articleId, author };
}
