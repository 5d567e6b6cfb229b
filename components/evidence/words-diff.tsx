import type { DiffSegment } from '@/lib/domain/quote-check/word-diff';

/**
 * Earlier words against later ones (the words as tagged against the words now, or two
 * revisions of a paragraph): removed words struck, added words marked. Text only: React escapes it.
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
          <del key={index} className="bg-red-50 text-red-800" title="Removed">
            {segment.text}
          </del>
        ) : (
          <ins key={index} className="bg-emerald-50 text-emerald-900 no-underline" title="Added">
            {segment.text}
          </ins>
        ),
      )}
    </span>
  );
}
