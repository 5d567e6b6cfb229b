import { linkify } from '@/lib/domain/comments/linkify';

/** Plain-text comment with safe http(s) links; everything else is text, escaped by React. */
export function CommentText({ text }: { text: string }) {
  return (
    <p className="whitespace-pre-wrap break-words text-stone-800">
      {linkify(text).map((segment, index) =>
        segment.type === 'link' ? (
          <a
            key={index}
            href={segment.href}
            target="_blank"
            rel="noopener noreferrer nofollow"
            className="text-accent-700 underline"
          >
            {segment.text}
          </a>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </p>
  );
}
