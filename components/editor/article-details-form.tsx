'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { sendJson } from '@/components/ui/api-client';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';

export type ArticleDetails = {
  title: string;
  byline: string | null;
  sourceUrl: string | null;
  /** YYYY-MM-DD */
  publishedAt: string | null;
};

/** Title, byline, source URL and published date, editable by editors and owners. */
export function ArticleDetailsForm({ articleId, details }: { articleId: string; details: ArticleDetails }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = (name: string) => String(form.get(name) ?? '');
    setPending(true);
    setError(null);
    const result = await sendJson(`/api/articles/${articleId}`, 'PATCH', {
      title: field('title'),
      byline: field('byline'),
      sourceUrl: field('sourceUrl'),
      publishedAt: field('publishedAt'),
    });
    setPending(false);
    if (!result.ok) {
      setError(result.message);
      setFieldErrors(result.fields ?? {});
      return;
    }
    setFieldErrors({});
    setEditing(false);
    router.refresh();
  }

  if (!editing) {
    return (
      <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => setEditing(true)}>
        Edit details
      </Button>
    );
  }
  return (
    <form
      onSubmit={onSubmit}
      aria-label="Article details"
      className="mt-3 grid w-full gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-2"
      onKeyDown={(event) => event.key === 'Escape' && setEditing(false)}
    >
      {error ? (
        <div className="sm:col-span-2">
          <Alert>{error}</Alert>
        </div>
      ) : null}
      <TextField
        label="Title"
        name="title"
        defaultValue={details.title}
        autoFocus
        required
        maxLength={300}
        errors={fieldErrors.title}
        className="sm:col-span-2"
      />
      <TextField
        label="Byline"
        name="byline"
        defaultValue={details.byline ?? ''}
        maxLength={300}
        errors={fieldErrors.byline}
      />
      <TextField
        label="Published date"
        name="publishedAt"
        type="date"
        defaultValue={details.publishedAt ?? ''}
        errors={fieldErrors.publishedAt}
      />
      <TextField
        label="Source URL"
        name="sourceUrl"
        type="url"
        placeholder="https://"
        defaultValue={details.sourceUrl ?? ''}
        errors={fieldErrors.sourceUrl}
        className="sm:col-span-2"
      />
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save details'}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setEditing(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
