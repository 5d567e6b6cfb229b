import type { DiffSegment } from '@/lib/domain/quote-check/word-diff';

/**
 * The words as tagged against the words now: removed words struck, added words underlined.
 * Text only: React escapes it.
 */
export function WordsDiff({
  segments,
  label = 'Changes from the words as tagged',
}: {
  segments: DiffSegment[];
  label?: string;
}) {
  return (
    <span aria-label={label} data-testid="words-diff">
      {segments.map((segment, index) =>
        segment.kind === 'equal' ? (
          <span key={index}>{segment.text}</span>
        ) : segment.kind === 'quote_only' ? (
          <del key={index} className="bg-red-50 text-red-800" title="In the words as tagged, not in the text now">
            {segment.text}
          </del>
        ) : (
          <ins
            key={index}
            className="bg-emerald-50 text-emerald-900 no-underline"
            title="In the text now, not in the words as tagged"
          >
            {segment.text}
          </ins>
        ),
      )}
    </span>
  );
}
