'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import {
  ARTICLE_STATUSES,
  ARTICLE_STATUS_LABELS,
  type ArticleStatus as Status,
} from '@/lib/domain/articles/article-status';

export function ArticleStatusSelect({ articleId, status }: { articleId: string; status: Status }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return (
    <label className="flex items-center gap-1.5 text-xs">
      <span className="sr-only">Article status</span>
      <select
        aria-label="Article status"
        defaultValue={status}
        onChange={async (event) => {
          const response = await fetch(`/api/articles/${articleId}`, {
            method: 'PATCH',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ status: event.target.value }),
          }).catch(() => null);
          setError(response?.ok ? null : 'The status could not be saved.');
          router.refresh();
        }}
        className="rounded border border-stone-300 bg-white px-1.5 py-0.5 text-xs font-medium text-stone-700"
      >
        {ARTICLE_STATUSES.map((value) => (
          <option key={value} value={value}>
            {ARTICLE_STATUS_LABELS[value]}
          </option>
        ))}
      </select>
      {error ? (
        <span role="alert" className="text-red-700">
          {error}
        </span>
      ) : null}
    </label>
  );
}
