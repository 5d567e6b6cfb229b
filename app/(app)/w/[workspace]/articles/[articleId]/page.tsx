import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArticleAnnotator } from '@/components/editor/article-annotator';
import { ArticleStatusSelect } from '@/components/editor/article-status-select';
import { ARTICLE_STATUS_LABELS } from '@/lib/domain/articles/article-status';
import { ArticleDetailsForm } from '@/components/editor/article-details-form';
import { recordToView } from '@/lib/domain/annotations/annotation-view';
import { packAnnotations } from '@/lib/domain/annotations/packed-annotations';
import { can, scopeOf } from '@/lib/domain/permissions/permissions';
import { requirePageUser } from '@/server/auth/session';
import { getMemberArticle } from '@/server/data/articles/get-member-article';
import { listArticleAnnotations } from '@/server/data/annotations/list-article-annotations';
import { orNotFound } from '@/server/pages/or-not-found';
import { listMembers } from '@/server/data/members/members';
import { listArticleLinks } from '@/server/data/links/links';
import { getMemberWorkspace } from '@/server/data/workspaces/get-member-workspace';
import { getArticleLiveCursor } from '@/server/live/article-live-cursor';
import { DATE } from '@/lib/format/dates';

type Params = Promise<{ workspace: string; articleId: string }>;

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

async function loadArticle(params: Params) {
  const { workspace: slug, articleId } = await params;
  const user = await requirePageUser(`/w/${slug}/articles/${articleId}`);
  const workspace = await orNotFound(getMemberWorkspace({ userId: user.id, slug }));
  const article = await orNotFound(getMemberArticle({ userId: user.id, articleId }));
  // The article must belong to the workspace in the URL, not just to any of the user's.
  if (article.workspaceId !== workspace.id) notFound();
  return { user, workspace, article };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { article } = await loadArticle(params);
  return { title: article.title };
}

export default async function ArticlePage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { user, workspace, article } = await loadArticle(params);
  // Before the data, so an event written while the page reads it is replayed, not missed.
  const liveCursor = await getArticleLiveCursor({ userId: user.id, articleId: article.id });
  const [annotations, { members }, links] = await Promise.all([
    listArticleAnnotations({ userId: user.id, articleId: article.id }),
    listMembers({ userId: user.id, slug: workspace.slug }),
    listArticleLinks({ userId: user.id, articleId: article.id }),
  ]);
  const { annotation: focus, at } = await searchParams;
  const range = typeof at === 'string' ? /^(\d+)-(\d+)$/.exec(at) : null;
  return (
    <main className="mx-auto max-w-6xl px-4 py-10">
      <nav className="mb-6 text-sm">
        <Link href={`/w/${workspace.slug}`} className="text-stone-500 hover:text-stone-800">
          ← All articles
        </Link>
      </nav>
      <article>
        <header className="mb-6 max-w-3xl">
          <h1 className="font-serif text-3xl font-semibold leading-tight tracking-tight text-stone-900">
            {article.title}
          </h1>
          <div className="mt-3 flex flex-wrap items-center gap-x-3 text-sm text-stone-500">
            <p>
              <Link href={`/w/${workspace.slug}/articles/${article.id}/revisions`} className="hover:underline">
                Revision {article.revision.number}
              </Link>{' '}
              ·{' '}
              <time dateTime={article.revision.createdAt.toISOString()}>{DATE.format(article.revision.createdAt)}</time>
              {article.byline ? ` · ${article.byline}` : null}
              {article.publishedAt ? (
                <>
                  {' · Published '}
                  <time dateTime={isoDate(article.publishedAt)}>{DATE.format(article.publishedAt)}</time>
                </>
              ) : null}
            </p>
            {article.sourceUrl ? (
              <a
                href={article.sourceUrl}
                rel="noopener noreferrer nofollow"
                target="_blank"
                className="max-w-xs truncate text-xs text-accent-700 hover:underline"
              >
                Source: {new URL(article.sourceUrl).host}
              </a>
            ) : null}
            <Link
              href={`/w/${workspace.slug}/history?article=${article.id}`}
              className="rounded-md px-2 py-1 text-xs font-medium hover:bg-stone-100 hover:text-stone-800"
            >
              History
            </Link>
            {can(article.role, 'article.edit') ? (
              <ArticleStatusSelect articleId={article.id} status={article.status} />
            ) : (
              <span className="text-xs font-medium">{ARTICLE_STATUS_LABELS[article.status]}</span>
            )}
            {can(article.role, 'article.edit') ? (
              <ArticleDetailsForm
                articleId={article.id}
                details={{
                  title: article.title,
                  byline: article.byline,
                  sourceUrl: article.sourceUrl,
                  publishedAt: article.publishedAt ? isoDate(article.publishedAt) : null,
                }}
              />
            ) : null}
          </div>
        </header>
        <ArticleAnnotator
          article={{ id: article.id, revisionId: article.revision.id, doc: article.revision.doc, liveCursor }}
          initialAnnotations={packAnnotations(annotations.map(recordToView), article.revision.id)}
          currentUserId={user.id}
          members={members.map((member) => ({ id: member.userId, name: member.name }))}
          workspaceSlug={workspace.slug}
          initialLinks={links}
          focusAnnotationId={typeof focus === 'string' ? focus : undefined}
          focusRange={
            range && Number(range[1]) < Number(range[2]) && Number(range[2]) <= article.revision.text.length
              ? { start: Number(range[1]), end: Number(range[2]) }
              : undefined
          }
          permissions={{
            annotate: can(article.role, 'annotation.create'),
            comment: can(article.role, 'comment.create'),
            review: can(article.role, 'annotation.review'),
            editText: can(article.role, 'article.edit'),
            changeAny: scopeOf(article.role, 'annotation.update') === 'any',
            changeOwn: scopeOf(article.role, 'annotation.update') !== null,
          }}
        />
      </article>
    </main>
  );
}
