import 'server-only';
import { notFound } from 'next/navigation';
import { requirePageUser } from '../auth/session';
import { getMemberArticle } from '../data/articles/get-member-article';
import { getMemberWorkspace } from '../data/workspaces/get-member-workspace';
import { orNotFound } from './or-not-found';

/** A page under /w/[workspace]/articles/[articleId]: the signed-in member and the article, which must belong to that workspace. */
export async function loadWorkspaceArticle(slug: string, articleId: string, returnTo: string) {
  const user = await requirePageUser(returnTo);
  const workspace = await orNotFound(getMemberWorkspace({ userId: user.id, slug }));
  const article = await orNotFound(getMemberArticle({ userId: user.id, articleId }));
  if (article.workspaceId !== workspace.id) notFound();
  return { user, workspace, article };
}
