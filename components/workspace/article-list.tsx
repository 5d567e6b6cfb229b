import Link from 'next/link';
import { ARTICLE_STATUS_LABELS } from '@/lib/domain/articles/article-status';
import { DATE } from '@/lib/format/dates';

export type ArticleRow = {
  id: string;
  title: string;
  createdAt: Date;
  annotationCount: number;
  review: { open: number; accepted: number; rejected: number };
  status: 'draft' | 'in_review' | 'done';
};

export function ArticleList({
  workspaceSlug,
  articles,
  canImport,
}: {
  workspaceSlug: string;
  articles: ArticleRow[];
  canImport: boolean;
}) {
  if (articles.length === 0) {
    return (
      <div className="rounded-xl border border-dashed border-stone-300 bg-white px-6 py-12 text-center">
        <p className="font-medium text-stone-800">No articles yet</p>
        <p className="mt-1 text-sm text-stone-500">
          Import an article (a .docx, .html, .md or .txt file, or pasted text) or a Marginalia export to start
          reviewing.
        </p>
        {canImport ? (
          <Link
            href={`/w/${workspaceSlug}/import`}
            className="mt-4 inline-flex rounded-md bg-accent-700 px-3.5 py-2 text-sm font-medium text-white hover:bg-accent-800"
          >
            Import
          </Link>
        ) : null}
      </div>
    );
  }
  return (
    <ul
      className="divide-y divide-stone-200 overflow-hidden rounded-xl border border-stone-200 bg-white"
      aria-label="Articles"
    >
      {articles.map((article) => (
        <li key={article.id}>
          <Link
            href={`/w/${workspaceSlug}/articles/${article.id}`}
            className="flex items-start justify-between gap-6 px-5 py-4 hover:bg-stone-50 focus-visible:bg-stone-50"
          >
            <div className="min-w-0">
              <p className="font-serif text-[1.05rem] font-medium leading-snug text-stone-900" data-user-title>
                {article.title}
              </p>
              <p className="mt-1 text-sm text-stone-500">
                Added <time dateTime={article.createdAt.toISOString()}>{DATE.format(article.createdAt)}</time>
                <span aria-hidden> · </span>
                <span data-testid="article-status">{ARTICLE_STATUS_LABELS[article.status]}</span>
                {article.annotationCount ? (
                  <span data-testid="review-counts">
                    <span aria-hidden> · </span>
                    {article.review.open} open, {article.review.accepted} accepted, {article.review.rejected} rejected
                  </span>
                ) : null}
              </p>
            </div>
            <span
              className="shrink-0 rounded-full bg-stone-100 px-2.5 py-1 text-xs font-medium tabular-nums text-stone-700"
              data-testid="annotation-count"
            >
              {article.annotationCount} {article.annotationCount === 1 ? 'annotation' : 'annotations'}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
