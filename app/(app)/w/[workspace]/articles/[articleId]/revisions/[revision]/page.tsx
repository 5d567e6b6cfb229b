import type { Metadata } from 'next';
import Link from 'next/link';
import { StaticDoc } from '@/components/editor/static-doc';
import { AnnotationOnRevisionItem } from '@/components/revisions/annotation-on-revision-item';
import { getRevision } from '@/server/data/revisions/revisions';
import { orNotFound } from '@/server/pages/or-not-found';
import { loadWorkspaceArticle } from '@/server/pages/workspace-article';
import { DATE_TIME } from '@/lib/format/dates';

type Params = Promise<{ workspace: string; articleId: string; revision: string }>;

export const metadata: Metadata = { title: 'Revision' };

/** One revision, read-only, with the annotations as they stood on it. */
export default async function RevisionPage({ params }: { params: Params }) {
  const { workspace: slug, articleId, revision: ref } = await params;
  const base = `/w/${slug}/articles/${articleId}`;
  const { user, article } = await loadWorkspaceArticle(slug, articleId, `${base}/revisions/${ref}`);
  const { revision, annotations, latestNumber } = await orNotFound(
    getRevision({ userId: user.id, articleId: article.id, ref }),
  );
  return (
    <main className="mx-auto max-w-6xl px-4 py-10">
      <nav className="mb-6 flex gap-4 text-sm">
        <Link href={`${base}/revisions`} className="text-stone-500 hover:text-stone-800">
          ← All revisions
        </Link>
        {revision.number > 1 ? (
          <Link
            href={`${base}/revisions/compare?from=${revision.number - 1}&to=${revision.number}`}
            className="text-accent-700 hover:underline"
          >
            Compare with revision {revision.number - 1}
          </Link>
        ) : null}
      </nav>
      <h1 className="font-serif text-2xl font-semibold">
        {article.title}: revision {revision.number}
        {revision.number === latestNumber ? ' (current)' : ''}
      </h1>
      <p className="mb-6 mt-1 text-sm text-stone-500">
        Read-only · saved by {revision.authorName ?? 'a former member'} on {DATE_TIME.format(revision.createdAt)} UTC
      </p>
      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="article-prose" data-testid="revision-text">
          <StaticDoc doc={revision.doc} />
        </div>
        <aside aria-label="Annotations on this revision">
          <h2 className="text-sm font-semibold">Annotations as they stood ({annotations.length})</h2>
          <ul className="mt-2 space-y-2 text-sm">
            {annotations.map((annotation) => (
              <AnnotationOnRevisionItem key={annotation.id} annotation={annotation} testId="revision-annotation" />
            ))}
          </ul>
        </aside>
      </div>
    </main>
  );
}
