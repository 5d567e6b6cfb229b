import 'server-only';
import type { AnnotationRecord } from '@/lib/domain/annotations/web-annotation';
import { db } from '../../db';
import { getMemberArticle } from '../articles/get-member-article';
import { annotationRecordSelect } from './annotation-record';

/** The article's annotations in document order; orphans (no place in the text) last. */
export async function listArticleAnnotations(options: {
  userId: string;
  articleId: string;
}): Promise<AnnotationRecord[]> {
  const article = await getMemberArticle(options);
  const records = await db().annotation.findMany({
    where: { articleId: article.id },
    orderBy: [{ posStart: 'asc' }, { posEnd: 'desc' }, { createdAt: 'asc' }],
    select: annotationRecordSelect,
  });
  return [
    ...records.filter((record) => record.anchorState !== 'orphaned'),
    ...records.filter((record) => record.anchorState === 'orphaned'),
  ];
}
