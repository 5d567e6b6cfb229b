import type { Metadata } from 'next';
import { WorkspacePage } from '@/components/workspace/workspace-page';
import { QuoteCheckPager } from '@/components/quote-check/quote-check-pager';
import { QuoteCheckTable } from '@/components/quote-check/quote-check-table';
import { quoteCheckPage } from '@/lib/domain/quote-check/limits';
import { requirePageUser } from '@/server/auth/session';
import { runQuoteCheck } from '@/server/data/quote-check/run-quote-check';
import { orNotFound } from '@/server/pages/or-not-found';
import { isUuid } from '@/lib/validation/ids';

export const metadata: Metadata = { title: 'Quote check' };

export default async function QuoteCheckPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspace: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { workspace: slug } = await params;
  const user = await requirePageUser(`/w/${slug}/quote-check`);
  const { source, page } = await searchParams;
  const sourceArticleId = typeof source === 'string' && isUuid(source) ? source : undefined;
  const { workspace, articles, rows, titles, paging } = await orNotFound(
    runQuoteCheck({ userId: user.id, slug, sourceArticleId, page: quoteCheckPage(page) }),
  );
  const counts = { exact: 0, near: 0, not_found: 0 };
  for (const row of rows) counts[row.result.kind]++;
  return (
    <WorkspacePage slug={slug} wide>
      <h1 className="text-2xl font-semibold tracking-tight">Quote check</h1>
      <p className="mt-1 text-sm text-stone-500">
        Every passage tagged Quote in {workspace.name}, looked up in the other articles. On this page: {counts.exact}{' '}
        exact, {counts.near} near, {counts.not_found} not found.
      </p>
      <form method="get" className="my-6 flex flex-wrap items-center gap-2 text-sm">
        <label htmlFor="quote-source" className="text-stone-700">
          Compare with
        </label>
        <select
          id="quote-source"
          name="source"
          defaultValue={sourceArticleId ?? ''}
          className="max-w-md rounded-md border border-stone-300 bg-white px-2 py-1.5"
        >
          <option value="">All other articles</option>
          {articles.map((article) => (
            <option key={article.id} value={article.id}>
              {article.title}
            </option>
          ))}
        </select>
        <button
          type="submit"
          className="rounded-md border border-stone-300 bg-white px-3 py-1.5 font-medium hover:bg-stone-50"
        >
          Check
        </button>
      </form>
      <QuoteCheckPager slug={slug} source={sourceArticleId} paging={paging} />
      <QuoteCheckTable slug={slug} rows={rows} titles={titles} />
    </WorkspacePage>
  );
}
