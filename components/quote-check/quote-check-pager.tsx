import Link from 'next/link';
import { MAX_NEAR_QUOTE_WORDS } from '@/lib/domain/quote-check/find-closest-passage';
import { MAX_CHECKED_QUOTE_LENGTH } from '@/lib/domain/quote-check/limits';

type Paging = { page: number; pages: number; total: number; pageSize: number };

/** Which quotes this page checked, links to the other pages, and what is left unchecked. */
export function QuoteCheckPager({ slug, source, paging }: { slug: string; source?: string; paging: Paging }) {
  const { page, pages, total, pageSize } = paging;
  const href = (to: number) => {
    const query = new URLSearchParams();
    if (source) query.set('source', source);
    if (to > 1) query.set('page', String(to));
    const text = query.toString();
    return `/w/${slug}/quote-check${text ? `?${text}` : ''}`;
  };
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <nav aria-label="Quote check pages" className="my-4 flex flex-wrap items-center gap-3 text-sm text-stone-600">
      <span data-testid="quote-check-range">
        Quotes {first.toLocaleString('en')}–{last.toLocaleString('en')} of {total.toLocaleString('en')}, checked{' '}
        {pageSize.toLocaleString('en')} per page. Quotes over {MAX_CHECKED_QUOTE_LENGTH.toLocaleString('en')} characters
        are not checked, and quotes over {MAX_NEAR_QUOTE_WORDS} words are checked for exact matches only.
      </span>
      {page > 1 ? (
        <Link href={href(page - 1)} className="font-medium text-accent-700 hover:underline">
          ← Previous page
        </Link>
      ) : null}
      {page < pages ? (
        <Link href={href(page + 1)} className="font-medium text-accent-700 hover:underline">
          Next page →
        </Link>
      ) : null}
    </nav>
  );
}
