import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { RevisionDiffView } from '@/components/revisions/revision-diff-view';
import { ZRevisionDiffQuery } from '@/lib/validation/evidence';
import { compareRevisions } from '@/server/data/revisions/revisions';
import { orNotFound } from '@/server/pages/or-not-found';
import { loadWorkspaceArticle } from '@/server/pages/workspace-article';

type Params = Promise<{ workspace: string; articleId: string }>;

export const metadata: Metadata = { title: 'Compare revisions' };

export default async function CompareRevisionsPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { workspace: slug, articleId } = await params;
  const base = `/w/${slug}/articles/${articleId}`;
  const { user, article } = await loadWorkspaceArticle(slug, articleId, `${base}/revisions`);
  const query = ZRevisionDiffQuery.safeParse(await searchParams);
  const back = (
    <nav className="mb-6 text-sm">
      <Link href={`${base}/revisions`} className="text-stone-500 hover:text-stone-800">
        ← All revisions
      </Link>
    </nav>
  );
  if (!query.success) {
    return (
      <main className="mx-auto max-w-6xl px-4 py-10">
        {back}
        <Alert tone="error">Choose two revisions to compare.</Alert>
      </main>
    );
  }
  const diff = await orNotFound(compareRevisions({ userId: user.id, articleId: article.id, ...query.data }));
  return (
    <main className="mx-auto max-w-6xl px-4 py-10">
      {back}
      <h1 className="mb-6 font-serif text-2xl font-semibold">
        {article.title}: revision {diff.from.number} → revision {diff.to.number}
      </h1>
      <RevisionDiffView blocks={diff.blocks} affected={diff.affected} />
    </main>
  );
}
