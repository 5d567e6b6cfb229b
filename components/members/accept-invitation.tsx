'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

export function AcceptInvitation({ token, workspaceName }: { token: string; workspaceName: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function accept() {
    setPending(true);
    const response = await fetch('/api/invitations/accept', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    }).catch(() => null);
    const json = (await response?.json().catch(() => null)) as { slug?: string; error?: { message?: string } } | null;
    if (!response?.ok || !json?.slug) {
      setPending(false);
      setError(json?.error?.message ?? 'The invitation could not be accepted. Please try again.');
      return;
    }
    router.replace(`/w/${json.slug}`);
    router.refresh();
  }

  return (
    <div className="space-y-3">
      {error ? <Alert>{error}</Alert> : null}
      <Button onClick={accept} disabled={pending} className="w-full">
        {pending ? 'Joining…' : `Join ${workspaceName}`}
      </Button>
    </div>
  );
}
