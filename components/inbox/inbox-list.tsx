'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { CommentText } from '@/components/editor/comment-text';
import type { InboxItem } from '@/lib/domain/comments/inbox-item';
import { DATE_TIME } from '@/lib/format/dates';

async function markRead(ids?: string[]) {
  await fetch('/api/inbox/read', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ids ? { ids } : {}),
  }).catch(() => null);
}

export function InboxList({ items }: { items: InboxItem[] }) {
  const router = useRouter();
  const unread = items.filter((item) => !item.readAt).length;
  if (items.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-stone-300 p-8 text-center text-sm text-stone-500">
        Nothing here yet. When someone writes @ and your name in a discussion, or assigns you an annotation, it shows up
        here.
      </p>
    );
  }
  return (
    <div className="space-y-3">
      <div className="flex items-center justify-between text-sm text-stone-600">
        <span data-testid="unread-count">{unread} unread</span>
        {unread ? (
          <Button
            variant="secondary"
            onClick={async () => {
              await markRead();
              router.refresh();
            }}
          >
            Mark all read
          </Button>
        ) : null}
      </div>
      <ul
        className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white"
        aria-label="Mentions and assignments"
      >
        {items.map((item) => (
          <li
            key={item.id}
            data-unread={!item.readAt}
            className={`px-4 py-3 text-sm ${item.readAt ? '' : 'bg-accent-50/60'}`}
          >
            <p className="text-xs text-stone-500">
              {!item.readAt ? <span className="mr-1 font-semibold text-accent-800">New ·</span> : null}
              <span className="font-medium text-stone-700">{item.author}</span>{' '}
              {item.kind === 'assignment' ? 'assigned you' : 'mentioned you on'} “{item.quote.slice(0, 60)}” in{' '}
              <Link
                href={item.href}
                onClick={() => void markRead([item.id])}
                className="font-medium text-accent-700 hover:underline"
              >
                {item.articleTitle}
              </Link>{' '}
              · <time dateTime={item.createdAt}>{DATE_TIME.format(new Date(item.createdAt))}</time>
            </p>
            {item.kind === 'assignment' ? null : item.deleted ? (
              <p className="mt-1 italic text-stone-500">Comment deleted</p>
            ) : (
              <CommentText text={item.body} />
            )}
            {!item.readAt ? (
              <button
                type="button"
                onClick={async () => {
                  await markRead([item.id]);
                  router.refresh();
                }}
                className="mt-1 text-xs font-medium text-stone-600 hover:underline"
              >
                Mark read
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
