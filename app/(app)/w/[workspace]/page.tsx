import type { Metadata } from 'next';
import Link from 'next/link';
import { ArticleList } from '@/components/workspace/article-list';
import { can } from '@/lib/domain/permissions/permissions';
import { requirePageUser } from '@/server/auth/session';
import { listWorkspaceArticles } from '@/server/data/articles/list-workspace-articles';
import { orNotFound } from '@/server/pages/or-not-found';
import { getMemberWorkspace } from '@/server/data/workspaces/get-member-workspace';

export const metadata: Metadata = { title: 'Articles' };

export default async function WorkspaceHomePage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const user = await requirePageUser(`/w/${slug}`);
  const workspace = await orNotFound(getMemberWorkspace({ userId: user.id, slug }));
  const articles = await listWorkspaceArticles(workspace.id, user.id);
  return (
    <main className="mx-auto max-w-4xl px-4 py-10">
      <div className="mb-6 flex items-end justify-between">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{workspace.name}</h1>
          <p className="mt-1 text-sm text-stone-500">
            {articles.length} {articles.length === 1 ? 'article' : 'articles'}
          </p>
        </div>
        <nav className="flex flex-wrap gap-4 text-sm font-medium" aria-label="Workspace">
          {can(workspace.role, 'article.create') ? (
            <Link href={`/w/${workspace.slug}/import`} className="text-accent-700 hover:underline">
              Import
            </Link>
          ) : null}
          <Link href={`/w/${workspace.slug}/search`} className="text-accent-700 hover:underline">
            Search
          </Link>
          <Link href={`/w/${workspace.slug}/quote-check`} className="text-accent-700 hover:underline">
            Quote check
          </Link>
          <Link href={`/w/${workspace.slug}/export`} className="text-accent-700 hover:underline">
            Export
          </Link>
          <Link href={`/w/${workspace.slug}/members`} className="text-accent-700 hover:underline">
            Members
          </Link>
          <Link href={`/w/${workspace.slug}/history`} className="text-accent-700 hover:underline">
            History
          </Link>
        </nav>
      </div>
      <ArticleList
        workspaceSlug={workspace.slug}
        articles={articles}
        canImport={can(workspace.role, 'article.create')}
      />
    </main>
  );
}
