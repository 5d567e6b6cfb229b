import 'server-only';
import { cache } from 'react';
import { isUuid } from '@/lib/validation/ids';
import { AppError } from '@/lib/errors';
import type { ArticleDoc } from '@/lib/domain/document/article-doc';
import type { Role } from '@/lib/domain/permissions/permissions';
import { db } from '../../db';

export type MemberArticle = {
  id: string;
  workspaceId: string;
  title: string;
  byline: string | null;
  sourceUrl: string | null;
  publishedAt: Date | null;
  status: 'draft' | 'in_review' | 'done';
  createdAt: Date;
  role: Role;
  revision: { id: string; number: number; doc: ArticleDoc; text: string; createdAt: Date };
};

const notFound = () => new AppError('NOT_FOUND', { userMessage: 'This article does not exist or you cannot see it.' });

/** The article with its latest revision, if the user is a member of its workspace; else "not found". */
export function getMemberArticle(options: { userId: string; articleId: string }): Promise<MemberArticle> {
  return findMemberArticle(options.userId, options.articleId);
}

// Memoised per request with primitive keys: the article page's metadata, body and annotation
// list all need it, and the revision (document and text) is the largest row we read.
const findMemberArticle = cache(async (userId: string, articleId: string): Promise<MemberArticle> => {
  const options = { userId, articleId };
  if (!isUuid(options.articleId)) throw notFound();
  const article = await db().article.findFirst({
    where: { id: options.articleId, workspace: { memberships: { some: { userId: options.userId } } } },
    include: {
      workspace: { select: { memberships: { where: { userId: options.userId }, select: { role: true } } } },
      revisions: { orderBy: { number: 'desc' }, take: 1 },
    },
  });
  const revision = article?.revisions[0];
  const role = article?.workspace.memberships[0]?.role;
  if (!article || !revision || !role) throw notFound();
  return {
    id: article.id,
    workspaceId: article.workspaceId,
    title: article.title,
    byline: article.byline,
    sourceUrl: article.sourceUrl,
    publishedAt: article.publishedAt,
    status: article.status,
    createdAt: article.createdAt,
    role,
    revision: {
      id: revision.id,
      number: revision.number,
      doc: revision.doc as ArticleDoc,
      text: revision.text,
      createdAt: revision.createdAt,
    },
  };
});
