import type { Metadata } from 'next';
import { WorkspacePage } from '@/components/workspace/workspace-page';
import Link from 'next/link';
import { requirePageUser } from '@/server/auth/session';
import { listWorkspaceArticles } from '@/server/data/articles/list-workspace-articles';
import { getMemberWorkspace } from '@/server/data/workspaces/get-member-workspace';
import { orNotFound } from '@/server/pages/or-not-found';

export const metadata: Metadata = { title: 'Export' };

const linkClass =
  'rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium text-stone-800 hover:bg-stone-50';

function ExportLinks({ slug, article, label }: { slug: string; article?: string; label: string }) {
  const query = article ? `&article=${article}` : '';
  return (
    <div className="flex flex-wrap gap-2" aria-label={`Export ${label}`} role="group">
      <a href={`/api/workspaces/${slug}/export?format=jsonld${query}`} download className={linkClass}>
        Download JSON-LD
      </a>
      <a href={`/api/workspaces/${slug}/export?format=csv${query}`} download className={linkClass}>
        Download CSV
      </a>
      <Link href={`/w/${slug}/memo${article ? `?article=${article}` : ''}`} className={linkClass}>
        Open the review memo
      </Link>
    </div>
  );
}

export default async function ExportPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const user = await requirePageUser(`/w/${slug}/export`);
  const workspace = await orNotFound(getMemberWorkspace({ userId: user.id, slug }));
  const articles = await listWorkspaceArticles(workspace.id, user.id);
  return (
    <WorkspacePage slug={slug}>
      <h1 className="text-2xl font-semibold tracking-tight">Export the review</h1>
      <dl className="mt-4 space-y-1 text-sm text-stone-600">
        <div>
          <dt className="inline font-medium text-stone-800">JSON-LD</dt>
          <dd className="inline">
            {' '}
            — W3C Web Annotations (an AnnotationCollection with the articles themselves, threads as replies and links),
            for other tools or to import into another workspace.
          </dd>
        </div>
        <div>
          <dt className="inline font-medium text-stone-800">CSV</dt>
          <dd className="inline"> — one row per annotation, for spreadsheets.</dd>
        </div>
        <div>
          <dt className="inline font-medium text-stone-800">Review memo</dt>
          <dd className="inline">
            {' '}
            — a printable page of findings, quotes and rebuttals with their threads and links, and the audit trail;
            print it to PDF from the browser.
          </dd>
        </div>
      </dl>
      <section className="mt-8 rounded-xl border border-stone-200 bg-white p-5" aria-labelledby="whole-workspace">
        <h2 id="whole-workspace" className="mb-3 font-semibold">
          The whole workspace
        </h2>
        <ExportLinks slug={slug} label="the whole workspace" />
      </section>
      <section className="mt-6" aria-labelledby="per-article">
        <h2 id="per-article" className="mb-3 font-semibold">
          One article
        </h2>
        {articles.length ? (
          <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
            {articles.map((article) => (
              <li key={article.id} className="space-y-2 px-5 py-4">
                <p className="font-serif text-stone-900">{article.title}</p>
                <ExportLinks slug={slug} article={article.id} label={article.title} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-stone-500">No articles yet.</p>
        )}
      </section>
    </WorkspacePage>
  );
}
