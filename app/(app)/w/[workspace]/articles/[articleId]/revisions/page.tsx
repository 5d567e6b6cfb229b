import type { Metadata } from 'next';
import Link from 'next/link';
import { RevisionList } from '@/components/revisions/revision-list';
import { listRevisions } from '@/server/data/revisions/revisions';
import { loadWorkspaceArticle } from '@/server/pages/workspace-article';

type Params = Promise<{ workspace: string; articleId: string }>;

export const metadata: Metadata = { title: 'Revisions' };

export default async function RevisionsPage({ params }: { params: Params }) {
  const { workspace: slug, articleId } = await params;
  const base = `/w/${slug}/articles/${articleId}`;
  const { user, article } = await loadWorkspaceArticle(slug, articleId, `${base}/revisions`);
  const revisions = await listRevisions({ userId: user.id, articleId: article.id });
  return (
    <main className="mx-auto max-w-5xl px-4 py-10">
      <nav className="mb-6 text-sm">
        <Link href={base} className="text-stone-500 hover:text-stone-800">
          ← {article.title}
        </Link>
      </nav>
      <h1 className="mb-6 font-serif text-2xl font-semibold">Revisions</h1>
      <RevisionList base={`${base}/revisions`} revisions={revisions} />
    </main>
  );
}
