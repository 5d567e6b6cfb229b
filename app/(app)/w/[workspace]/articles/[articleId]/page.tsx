import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArticleReader } from '@/components/editor/article-reader';
import { RenameArticleForm } from '@/components/editor/rename-article-form';
import { can } from '@/lib/domain/permissions/permissions';
import { isAppError } from '@/lib/errors';
import { requirePageUser } from '@/server/auth/session';
import { getMemberArticle } from '@/server/data/articles/get-member-article';
import { getMemberWorkspace } from '@/server/data/workspaces/get-member-workspace';

type Params = Promise<{ workspace: string; articleId: string }>;

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

async function loadArticle(params: Params) {
  const { workspace: slug, articleId } = await params;
  const user = await requirePageUser(`/w/${slug}/articles/${articleId}`);
  const workspace = await getMemberWorkspace({ userId: user.id, slug });
  const article = await getMemberArticle({ userId: user.id, articleId }).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  // The article must belong to the workspace in the URL, not just to any of the user's.
  if (article.workspaceId !== workspace.id) notFound();
  return { workspace, article };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { article } = await loadArticle(params);
  return { title: article.title };
}

export default async function ArticlePage({ params }: { params: Params }) {
  const { workspace, article } = await loadArticle(params);
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <nav className="mb-6 text-sm">
        <Link href={`/w/${workspace.slug}`} className="text-stone-500 hover:text-stone-800">
          ← All articles
        </Link>
      </nav>
      <article>
        <header className="mb-8 border-b border-stone-200 pb-6">
          <h1 className="font-serif text-3xl font-semibold leading-tight tracking-tight text-stone-900">
            {article.title}
          </h1>
          <p className="mt-3 text-sm text-stone-500">
            Revision {article.revision.number} ·{' '}
            <time dateTime={article.revision.createdAt.toISOString()}>
              {dateFormat.format(article.revision.createdAt)}
            </time>
            {article.byline ? ` · ${article.byline}` : null}
          </p>
          {can(article.role, 'article.edit') ? (
            <RenameArticleForm articleId={article.id} title={article.title} />
          ) : null}
        </header>
        <ArticleReader doc={article.revision.doc} />
      </article>
    </main>
  );
}
