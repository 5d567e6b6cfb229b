import 'server-only';
import { assertCan } from '@/lib/domain/permissions/permissions';
import { privilegeLogEntries, type PrivilegeLogEntry } from '@/lib/domain/privilege/privilege-log';
import { db } from '../../db';
import { workspaceMemberLabels } from '../people/workspace-member-labels';
import { loadExportArticles } from './load-export-articles';
import { getMemberWorkspace } from '../workspaces/get-member-workspace';

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
  const articles = await loadExportArticles(workspace.id, options.articleId);
  const [rows, labels] = await Promise.all([
    db().annotation.findMany({
      where: {
        workspaceId: workspace.id,
        articleId: { in: articles.map((article) => article.id) },
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
