import Link from 'next/link';
import type { QuoteCheckRow } from '@/server/data/quote-check/run-quote-check';
import { QuoteDiff } from './quote-diff';

const VERDICT = {
  exact: { label: 'Exact match', className: 'bg-emerald-50 text-emerald-800 ring-emerald-200' },
  near: { label: 'Near match', className: 'bg-amber-50 text-amber-800 ring-amber-200' },
  not_found: { label: 'Not found', className: 'bg-red-50 text-red-800 ring-red-200' },
} as const;

export function QuoteCheckTable({
  slug,
  rows,
  titles,
}: {
  slug: string;
  rows: QuoteCheckRow[];
  titles: Map<string, string>;
}) {
  if (!rows.length) {
    return (
      <p className="rounded-xl border border-dashed border-stone-300 bg-white px-6 py-10 text-center text-sm text-stone-500">
        No quotes to check yet. Tag passages as Quote in an article (select text, press 2) and they will be checked here
        against the other articles.
      </p>
    );
  }
  return (
    <ol className="space-y-3" aria-label="Quotes">
      {rows.map((row) => {
        const verdict = VERDICT[row.result.kind];
        const result = row.result;
        return (
          <li
            key={row.annotationId}
            className="rounded-xl border border-stone-200 bg-white p-4"
            data-testid="quote-check-row"
            data-verdict={result.kind}
          >
            <div className="flex items-start justify-between gap-4">
              <Link
                href={`/w/${slug}/articles/${row.articleId}?annotation=${row.annotationId}`}
                className="min-w-0 font-serif text-stone-900 hover:text-accent-800"
              >
                “{row.exact}”
              </Link>
              <span
                className={`shrink-0 rounded px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${verdict.className}`}
              >
                {verdict.label}
                {result.kind === 'near' ? ` · ${Math.round(result.similarity * 100)}%` : ''}
              </span>
            </div>
            <p className="mt-1 text-xs text-stone-500">
              Quoted in {row.articleTitle}
              {row.authorName ? ` · tagged by ${row.authorName}` : ''}
            </p>
            {result.kind === 'not_found' ? (
              <p className="mt-2 text-sm text-stone-600">
                {result.tooLong
                  ? 'Too long to check: a quote this long is a section, not a quotation.'
                  : `No passage in the other articles comes close${
                      result.bestSimilarity > 0 ? ` (best ${Math.round(result.bestSimilarity * 100)}% similar)` : ''
                    }.`}
              </p>
            ) : (
              <div className="mt-3 space-y-2 border-t border-stone-100 pt-3 text-sm">
                <p className="text-xs text-stone-500">
                  {result.kind === 'exact'
                    ? result.normalisedOnly
                      ? 'Same words (differs only in case or quotation marks) in '
                      : 'Word for word in '
                    : 'Closest passage in '}
                  <Link
                    href={`/w/${slug}/articles/${result.articleId}?at=${result.start}-${result.end}`}
                    className="font-medium text-accent-700 hover:underline"
                  >
                    {titles.get(result.articleId) ?? 'another article'}
                  </Link>
                  {result.kind === 'near'
                    ? ': words only in the quote are struck through, words only in the source are highlighted.'
                    : ''}
                </p>
                {result.kind === 'near' ? <QuoteDiff diff={result.diff} /> : null}
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
