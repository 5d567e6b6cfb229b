import type { Metadata } from 'next';
import { PrivilegeExportOptions } from '@/components/export/privilege-export-options';
import { WorkspacePage } from '@/components/workspace/workspace-page';
import { can } from '@/lib/domain/permissions/permissions';
import Link from 'next/link';
import { requirePageUser } from '@/server/auth/session';
import { listWorkspaceArticles } from '@/server/data/articles/list-workspace-articles';
import { getMemberWorkspace } from '@/server/data/workspaces/get-member-workspace';
import { orNotFound } from '@/server/pages/or-not-found';

export const metadata: Metadata = { title: 'Export' };

const linkClass =
  'rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium text-stone-800 hover:bg-stone-50';

function ExportLinks({
  slug,
  article,
  label,
  includePrivileged,
}: {
  slug: string;
  article?: string;
  label: string;
  includePrivileged: boolean;
}) {
  const privileged = includePrivileged ? '&privileged=include' : '';
  const query = `${article ? `&article=${article}` : ''}${privileged}`;
  const memoQuery = [article ? `article=${article}` : '', includePrivileged ? 'privileged=include' : '']
    .filter(Boolean)
    .join('&');
  return (
    <div className="flex flex-wrap gap-2" aria-label={`Export ${label}`} role="group">
      <a href={`/api/workspaces/${slug}/export?format=jsonld${query}`} download className={linkClass}>
        Download JSON-LD
      </a>
      <a href={`/api/workspaces/${slug}/export?format=csv${query}`} download className={linkClass}>
        Download CSV
      </a>
      <Link href={`/w/${slug}/memo${memoQuery ? `?${memoQuery}` : ''}`} className={linkClass}>
        Open the review memo
      </Link>
    </div>
  );
}

export default async function ExportPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspace: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { workspace: slug } = await params;
  const user = await requirePageUser(`/w/${slug}/export`);
  const workspace = await orNotFound(getMemberWorkspace({ userId: user.id, slug }));
  const mayLog = can(workspace.role, 'privilege_log.export');
  // Only those who read every privileged note are offered them (the API still filters per reader).
  const includePrivileged = mayLog && (await searchParams).privileged === 'include';
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
        <ExportLinks slug={slug} label="the whole workspace" includePrivileged={includePrivileged} />
      </section>
      {mayLog ? <PrivilegeExportOptions slug={slug} includePrivileged={includePrivileged} /> : null}
      <section className="mt-6" aria-labelledby="per-article">
        <h2 id="per-article" className="mb-3 font-semibold">
          One article
        </h2>
        {articles.length ? (
          <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
            {articles.map((article) => (
              <li key={article.id} className="space-y-2 px-5 py-4">
                <p className="font-serif text-stone-900">{article.title}</p>
                <ExportLinks
                  slug={slug}
                  article={article.id}
                  label={article.title}
                  includePrivileged={includePrivileged}
                />
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
