import Link from 'next/link';
import { tagChipClass, tagLabel } from '@/components/editor/tag-style';
import type { AnnotationHit, SearchResults } from '@/server/data/search/search-workspace';
import { HeadlineText } from './headline-text';

const excerpt = (text: string, length = 120) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

function AnnotationLine({ hit, slug }: { hit: AnnotationHit; slug: string }) {
  return (
    <p className="mt-1 text-xs text-stone-500">
      <span className={`mr-1 rounded px-1 py-0.5 font-semibold ring-1 ring-inset ${tagChipClass(hit.tag)}`}>
        {tagLabel(hit.tag)}
      </span>
      on “{excerpt(hit.exact, 80)}” in{' '}
      <Link href={`/w/${slug}/articles/${hit.articleId}`} className="hover:underline">
        {hit.articleTitle}
      </Link>
      {hit.authorName ? ` · ${hit.authorName}` : ''} · {hit.status}
    </p>
  );
}

function Section({ title, count, children }: { title: string; count: number; children: React.ReactNode }) {
  return (
    <section aria-label={title} className="space-y-2">
      <h2 className="text-sm font-semibold uppercase tracking-wide text-stone-500">
        {title} ({count})
      </h2>
      {children}
    </section>
  );
}

/** Notes and comments: each hit leads to its annotation, with the annotation it belongs to. */
function AnnotationHits({
  title,
  slug,
  hits,
}: {
  title: string;
  slug: string;
  hits: (AnnotationHit & { key: string })[];
}) {
  if (!hits.length) return null;
  return (
    <Section title={title} count={hits.length}>
      <ul className="space-y-2">
        {hits.map((hit) => (
          <li key={hit.key} className="rounded-lg border border-stone-200 bg-white p-3">
            <Link
              href={`/w/${slug}/articles/${hit.articleId}?annotation=${hit.annotationId}`}
              className="block text-stone-800 hover:text-accent-800"
            >
              <HeadlineText headline={hit.headline} />
            </Link>
            <AnnotationLine hit={hit} slug={slug} />
          </li>
        ))}
      </ul>
    </Section>
  );
}

export function SearchResultsList({ slug, results }: { slug: string; results: SearchResults }) {
  const total = results.passages.length + results.annotations.length + results.comments.length;
  if (total === 0) {
    return (
      <p className="rounded-xl border border-dashed border-stone-300 bg-white px-6 py-10 text-center text-sm text-stone-500">
        Nothing matches. Try other words, or fewer filters.
      </p>
    );
  }
  return (
    <div className="space-y-8">
      {results.passages.length ? (
        <Section title="Article text" count={results.passages.length}>
          <ul className="space-y-2">
            {results.passages.map((hit) => (
              <li key={`${hit.articleId}-${hit.start}`} className="rounded-lg border border-stone-200 bg-white p-3">
                <Link
                  href={`/w/${slug}/articles/${hit.articleId}?at=${hit.start}-${hit.end}`}
                  className="block font-serif text-stone-800 hover:text-accent-800"
                >
                  <HeadlineText headline={hit.headline} />
                </Link>
                <p className="mt-1 text-xs text-stone-500">{hit.articleTitle}</p>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      <AnnotationHits
        title="Annotation notes"
        slug={slug}
        hits={results.annotations.map((hit) => ({ ...hit, key: hit.annotationId }))}
      />
      <AnnotationHits
        title="Comments"
        slug={slug}
        hits={results.comments.map((hit) => ({ ...hit, key: hit.commentId }))}
      />
    </div>
  );
}
