'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

export function RenameArticleForm({ articleId, title }: { articleId: string; title: string }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const newTitle = String(new FormData(event.currentTarget).get('title') ?? '');
    setPending(true);
    setError(null);
    const response = await fetch(`/api/articles/${articleId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: newTitle }),
    }).catch(() => null);
    setPending(false);
    if (!response?.ok) {
      const json = (await response?.json().catch(() => null)) as { error?: { message?: string } } | null;
      setError(json?.error?.message ?? 'The title could not be saved. Please try again.');
      return;
    }
    setEditing(false);
    router.refresh();
  }

  if (!editing) {
    return (
      <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => setEditing(true)}>
        Rename
      </Button>
    );
  }
  return (
    <form
      onSubmit={onSubmit}
      className="mt-2 w-full space-y-2"
      onKeyDown={(event) => event.key === 'Escape' && setEditing(false)}
    >
      {error ? <Alert>{error}</Alert> : null}
      <label className="block text-sm font-medium text-stone-700" htmlFor="article-title">
        Title
      </label>
      <input
        id="article-title"
        name="title"
        defaultValue={title}
        autoFocus
        maxLength={300}
        className="block w-full rounded-md border border-stone-300 bg-white px-3 py-2 font-serif text-lg"
      />
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save title'}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setEditing(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
