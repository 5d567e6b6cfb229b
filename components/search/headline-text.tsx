import { parseHeadline } from '@/lib/domain/search/headline';

/** A search headline with the matched words marked; user text is only ever rendered as text. */
export function HeadlineText({ headline }: { headline: string }) {
  return (
    <>
      {parseHeadline(headline).map((segment, index) =>
        segment.hit ? (
          <mark key={index} className="rounded-sm bg-amber-100 px-0.5 text-stone-900">
            {segment.text}
          </mark>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </>
  );
}
