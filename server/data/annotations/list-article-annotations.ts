import 'server-only';
import type { AnnotationRecord } from '@/lib/domain/annotations/web-annotation';
import { db } from '../../db';
import { getMemberArticle } from '../articles/get-member-article';
import { workspaceMemberLabels } from '../people/workspace-member-labels';
import { visibleAnnotationWhere } from '../privilege/visible-annotations';
import { annotationRecordSelect } from './annotation-record';

/** The article's annotations in document order; orphans (no place in the text) last. */
export async function listArticleAnnotations(options: {
  userId: string;
  articleId: string;
}): Promise<AnnotationRecord[]> {
  const article = await getMemberArticle(options);
  const [found, labels] = await Promise.all([
    db().annotation.findMany({
      where: { articleId: article.id, AND: [visibleAnnotationWhere(options.userId)] },
      orderBy: [{ posStart: 'asc' }, { posEnd: 'desc' }, { createdAt: 'asc' }],
      select: annotationRecordSelect,
    }),
    workspaceMemberLabels(article.workspaceId),
  ]);
  // Two members with the same name must not read as one person on the cards.
  const records = found.map((record) =>
    record.author
      ? { ...record, author: { ...record.author, name: labels.get(record.author.id) ?? record.author.name } }
      : record,
  );
  return [
    ...records.filter((record) => record.anchorState !== 'orphaned'),
    ...records.filter((record) => record.anchorState === 'orphaned'),
  ];
}
