'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { sendJson } from '@/components/ui/api-client';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';

export function NewWorkspaceForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const name = String(new FormData(event.currentTarget).get('name') ?? '');
    const result = await sendJson<{ url: string }>('/api/workspaces', 'POST', { name });
    if (!result.ok) {
      setPending(false);
      setError(result.message);
      return;
    }
    router.push(result.value.url);
  }

  return (
    <form onSubmit={submit} className="space-y-4" aria-label="New workspace">
      {error ? <Alert>{error}</Alert> : null}
      <TextField
        label="Name"
        name="name"
        required
        maxLength={120}
        autoFocus
        hint="For a desk, a case or a project, e.g. “Immigration desk”. You will be its owner."
      />
      <Button type="submit" disabled={pending}>
        {pending ? 'Creating…' : 'Create workspace'}
      </Button>
    </form>
  );
}
