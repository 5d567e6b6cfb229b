import type { DiffSegment } from '@/lib/domain/quote-check/word-diff';

/** The quote against the passage found: words only in the quote struck through, words only in the source underlined. */
export function QuoteDiff({ diff }: { diff: DiffSegment[] }) {
  return (
    <p className="font-serif leading-relaxed text-stone-800" data-testid="quote-diff">
      {diff.map((segment, index) =>
        segment.kind === 'equal' ? (
          <span key={index}>{segment.text}</span>
        ) : segment.kind === 'quote_only' ? (
          <del
            key={index}
            className="rounded-sm bg-red-50 text-red-800 decoration-red-400"
            title="In the quote, not in the source"
          >
            {segment.text}
          </del>
        ) : (
          <ins
            key={index}
            className="rounded-sm bg-emerald-50 text-emerald-900 no-underline"
            title="In the source, not in the quote"
          >
            {segment.text}
          </ins>
        ),
      )}
    </p>
  );
}
