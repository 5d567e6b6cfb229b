import 'server-only';
import type { ArticleDoc } from '@/lib/domain/document/article-doc';
import { assertCan } from '@/lib/domain/permissions/permissions';
import { privilegeLogEntries, type PrivilegeLogEntry } from '@/lib/domain/privilege/privilege-log';
import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/validation/ids';
import { db } from '../../db';
import { workspaceMemberLabels } from '../people/workspace-member-labels';
import { getMemberWorkspace } from '../workspaces/get-member-workspace';

const articleNotFound = () =>
  new AppError('NOT_FOUND', { userMessage: 'This article does not exist or you cannot see it.' });

/**
 * The privilege log of the workspace or one article: what an export withholds as privileged,
 * for editors and owners. The select names every column it reads, and none of them is the
 * quote, the note or a comment.
 */
export async function loadPrivilegeLog(options: {
  userId: string;
  slug: string;
  articleId?: string;
}): Promise<{ workspace: { name: string }; label: string; entries: PrivilegeLogEntry[] }> {
  const workspace = await getMemberWorkspace({ userId: options.userId, slug: options.slug });
  assertCan(workspace.role, 'privilege_log.export');
  if (options.articleId !== undefined && !isUuid(options.articleId)) throw articleNotFound();
  const articleRows = await db().article.findMany({
    where: { workspaceId: workspace.id, ...(options.articleId ? { id: options.articleId } : {}) },
    orderBy: { createdAt: 'asc' },
    select: {
      id: true,
      title: true,
      revisions: { orderBy: { number: 'desc' }, take: 1, select: { doc: true, number: true } },
    },
  });
  if (options.articleId && !articleRows.length) throw articleNotFound();
  const [rows, labels] = await Promise.all([
    db().annotation.findMany({
      where: {
        workspaceId: workspace.id,
        articleId: { in: articleRows.map((article) => article.id) },
        privilegedAt: { not: null },
      },
      select: {
        articleId: true,
        tag: true,
        posStart: true,
        posEnd: true,
        anchorState: true,
        createdAt: true,
        privilegedAt: true,
        privilegeBasis: true,
        author: { select: { id: true, name: true } },
      },
    }),
    workspaceMemberLabels(workspace.id),
  ]);
  const articles = articleRows.map(({ revisions, ...article }) => ({
    ...article,
    doc: revisions[0]!.doc as ArticleDoc,
    revision: revisions[0]!.number,
  }));
  const entries = privilegeLogEntries(
    articles,
    rows.map(({ author, privilegedAt, privilegeBasis, ...row }) => ({
      ...row,
      privilegedAt: privilegedAt!,
      privilegeBasis: privilegeBasis ?? '',
      authorName: author ? (labels.get(author.id) ?? author.name) : null,
    })),
  );
  return {
    workspace,
    label: options.articleId ? articles[0]!.title : workspace.name,
    entries,
  };
}
