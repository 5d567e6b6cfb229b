import { WordsDiff } from '@/components/evidence/words-diff';
import type { MemoAnnotation, MemoArticle, ReviewMemo } from '@/lib/domain/export/review-memo';
import { DATE, DATE_TIME } from '@/lib/format/dates';

/** A pinpoint citation as a brief would give it: the article, its revision, and the page or paragraph. */
function citationLine(annotation: MemoAnnotation, article: MemoArticle): string {
  return [article.title, `revision ${article.revision}`, annotation.citation].filter(Boolean).join(', ');
}

function AnnotationEntry({ annotation, article }: { annotation: MemoAnnotation; article: MemoArticle }) {
  return (
    <li id={annotation.anchorId} className="break-inside-avoid border-l-2 border-stone-300 pl-4">
      <blockquote className="font-serif text-stone-900">“{annotation.quote}”</blockquote>
      <p className="mt-0.5 text-xs text-stone-600" data-testid="memo-citation">
        — <cite className="not-italic">{citationLine(annotation, article)}</cite>
      </p>
      {annotation.wordsDiff ? (
        <p className="mt-1 text-sm text-amber-800" data-testid="memo-words-now">
          The words have changed since they were tagged. Now: “<WordsDiff segments={annotation.wordsDiff} />”
        </p>
      ) : null}
      {annotation.orphaned ? (
        <p className="mt-1 text-sm font-medium text-red-700">
          These words are no longer in the current text (orphaned).
        </p>
      ) : null}
      {annotation.note ? <p className="mt-2 whitespace-pre-wrap text-stone-800">{annotation.note}</p> : null}
      <p className="mt-1 text-xs text-stone-500">
        {annotation.author ?? 'Former member'} · {DATE_TIME.format(annotation.createdAt)} UTC · Review:{' '}
        {annotation.reviewStatusLabel}
        {annotation.assignee ? ` · assigned to ${annotation.assignee}` : ''} · thread {annotation.threadStatus} ·{' '}
        {annotation.anchorLabel}
      </p>
      {annotation.links.length ? (
        <ul className="mt-2 space-y-0.5 text-sm text-stone-700" aria-label="Links">
          {annotation.links.map((link) => (
            <li key={`${link.id}-${link.direction}`}>
              {link.other?.anchorId ? (
                <a href={`#${link.other.anchorId}`} className="hover:underline">
                  {link.text}
                </a>
              ) : (
                link.text
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {annotation.thread.length ? (
        <ol className="mt-2 space-y-1 text-sm" aria-label="Thread">
          {annotation.thread.map((comment) => (
            <li key={comment.id} className={comment.parentId ? 'ml-4' : ''}>
              {comment.deleted ? (
                <span className="italic text-stone-400">{comment.body}</span>
              ) : (
                <>
                  <span className="font-medium text-stone-800">{comment.author ?? 'Former member'}</span>
                  <span className="text-xs text-stone-500"> · {DATE_TIME.format(comment.createdAt)}</span>
                  <span className="block whitespace-pre-wrap text-stone-700">{comment.body}</span>
                </>
              )}
            </li>
          ))}
        </ol>
      ) : null}
    </li>
  );
}

const counted = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** Every article after the first starts a printed page; the first follows the short summary on page one. */
function ArticleSections({ article, first }: { article: MemoArticle; first: boolean }) {
  return (
    <section aria-labelledby={`memo-article-${article.id}`} className={`mt-10 ${first ? '' : 'break-before-page'}`}>
      <h2 id={`memo-article-${article.id}`} className="font-serif text-2xl font-semibold text-stone-900">
        {article.title}
      </h2>
      <p className="mt-1 text-sm text-stone-500">
        {[
          article.byline,
          article.publishedAt ? `published ${DATE.format(article.publishedAt)}` : null,
          article.sourceUrl,
          `revision ${article.revision}`,
          counted(article.annotationCount, 'annotation'),
          article.orphanedCount ? `${article.orphanedCount} orphaned` : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {article.sections.map((section) => (
        <div key={section.tag} className="mt-6">
          <h3 className="text-lg font-semibold text-stone-800">
            {section.heading} <span className="text-sm font-normal text-stone-500">({section.annotations.length})</span>
          </h3>
          {section.annotations.length ? (
            <ol className="mt-3 space-y-5">
              {section.annotations.map((annotation) => (
                <AnnotationEntry key={annotation.id} annotation={annotation} article={article} />
              ))}
            </ol>
          ) : (
            <p className="mt-2 text-sm text-stone-500">None.</p>
          )}
        </div>
      ))}
    </section>
  );
}

/** The printable review: summary, each article's findings, quotes and rebuttals, and the audit trail. */
export function ReviewMemoView({ memo }: { memo: ReviewMemo }) {
  return (
    <article className="memo">
      <header>
        <p className="text-sm uppercase tracking-wide text-stone-500">Review memo · {memo.workspaceName}</p>
        <h1 className="mt-1 font-serif text-3xl font-semibold text-stone-900">{memo.title}</h1>
        <p className="mt-2 text-sm text-stone-500">
          Prepared by {memo.generatedBy} on {DATE_TIME.format(memo.generatedAt)} UTC
        </p>
      </header>
      <section aria-label="Summary" className="mt-6 rounded-lg border border-stone-200 bg-white p-4 text-sm">
        <p>
          {counted(memo.summary.articles, 'article')} · {counted(memo.summary.annotations, 'annotation')} (
          {memo.summary.byTag.map((tag) => counted(tag.count, tag.label.toLowerCase())).join(', ')}) ·{' '}
          {memo.summary.byReviewStatus.map((status) => `${status.count} ${status.label.toLowerCase()}`).join(', ')} ·{' '}
          {counted(memo.summary.openThreads, 'open thread')} · {memo.summary.orphaned} orphaned
          {memo.summary.onEarlierWording
            ? ` · ${counted(memo.summary.onEarlierWording, 'verdict')} on earlier wording`
            : ''}
        </p>
      </section>
      {memo.articles.map((article, index) => (
        <ArticleSections key={article.id} article={article} first={index === 0} />
      ))}
      <section aria-labelledby="memo-appendix" className="mt-12 break-before-page">
        <h2 id="memo-appendix" className="text-xl font-semibold text-stone-900">
          Appendix: audit trail
        </h2>
        {memo.appendix.length ? (
          <table className="mt-3 w-full text-left text-sm">
            <thead className="text-xs uppercase text-stone-500">
              <tr>
                <th className="py-1 pr-3">When (UTC)</th>
                <th className="py-1 pr-3">Who</th>
                <th className="py-1">What</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {memo.appendix.map((event) => (
                <tr key={event.id}>
                  <td className="whitespace-nowrap py-1 pr-3 align-top text-stone-500">{DATE_TIME.format(event.at)}</td>
                  <td className="py-1 pr-3 align-top">{event.actorName ?? 'System'}</td>
                  <td className="py-1 align-top">{event.summary}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="mt-2 text-sm text-stone-500">No events.</p>
        )}
        {memo.appendixTruncated ? (
          <p role="note" className="mt-3 text-sm font-medium text-amber-800">
            The trail continues: this appendix holds its first {memo.appendix.length.toLocaleString('en')} events. The
            whole trail is in History, downloadable as CSV.
          </p>
        ) : null}
      </section>
    </article>
  );
}
