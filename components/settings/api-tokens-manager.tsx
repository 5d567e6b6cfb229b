'use client';

import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { TextField } from '@/components/ui/text-field';
import { DATE_TIME } from '@/lib/format/dates';

export type TokenRow = { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null };

export function ApiTokensManager({ initialTokens }: { initialTokens: TokenRow[] }) {
  const [tokens, setTokens] = useState(initialTokens);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get('name') ?? '');
    setPending(true);
    setError(null);
    const response = await fetch('/api/tokens', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name }),
    }).catch(() => null);
    setPending(false);
    const json = await response?.json().catch(() => null);
    if (!response?.ok) {
      setError(json?.error?.message ?? 'The token could not be created. Please try again.');
      return;
    }
    form.reset();
    setCreated({ name: json.name, token: json.token });
    setTokens((list) => [
      { id: json.id, name: json.name, prefix: json.prefix, createdAt: json.createdAt, lastUsedAt: null },
      ...list,
    ]);
  }

  async function revoke(id: string) {
    const response = await fetch(`/api/tokens/${id}`, { method: 'DELETE' }).catch(() => null);
    if (!response?.ok) {
      setError('The token could not be revoked. Please try again.');
      return;
    }
    setTokens((list) => list.filter((token) => token.id !== id));
  }

  return (
    <div className="space-y-6">
      <form onSubmit={create} className="flex items-end gap-3">
        <TextField
          label="Token name"
          name="name"
          required
          maxLength={80}
          placeholder="e.g. export script"
          className="flex-1"
        />
        <Button type="submit" disabled={pending}>
          {pending ? 'Creating…' : 'Create token'}
        </Button>
      </form>
      {error ? <Alert>{error}</Alert> : null}
      {created ? (
        <div role="status" className="rounded-lg border border-accent-100 bg-accent-50 p-4 text-sm">
          <p className="font-medium text-accent-800">
            Token “{created.name}” created. Copy it now: it will not be shown again.
          </p>
          <code
            data-testid="new-token"
            className="mt-2 block break-all rounded bg-white px-2 py-1.5 font-mono text-stone-900"
          >
            {created.token}
          </code>
          <div className="mt-2">
            <CopyButton value={created.token} label={`Copy the token “${created.name}”`} />
          </div>
          <p className="mt-2 text-stone-600">
            Send it as <code className="font-mono">Authorization: Bearer &lt;token&gt;</code>.
          </p>
        </div>
      ) : null}
      {tokens.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 p-6 text-center text-sm text-stone-500">
          No tokens yet.
        </p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" aria-label="Your tokens">
          {tokens.map((token) => (
            <li key={token.id} className="flex items-center justify-between gap-4 px-4 py-3 text-sm">
              <div>
                <p className="font-medium text-stone-900">{token.name}</p>
                <p className="text-stone-500">
                  <code className="font-mono">{token.prefix}…</code> · created{' '}
                  {DATE_TIME.format(new Date(token.createdAt))}
                  {token.lastUsedAt ? ` · last used ${DATE_TIME.format(new Date(token.lastUsedAt))}` : ' · never used'}
                </p>
              </div>
              <Button variant="secondary" onClick={() => void revoke(token.id)} aria-label={`Revoke ${token.name}`}>
                Revoke
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
