'use client';

import Link from 'next/link';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { sendJson } from '@/components/ui/api-client';
import { Button } from '@/components/ui/button';

/** A button rather than a confirmation on page load: mail scanners that open links confirm nothing. */
export function VerifyEmailButton({ token }: { token: string }) {
  const [verified, setVerified] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function confirm() {
    setPending(true);
    setError(null);
    const result = await sendJson<{ verified: { email: string } }>('/api/email-verification', 'POST', { token });
    setPending(false);
    if (result.ok) setVerified(result.value.verified.email);
    else setError(result.message);
  }

  if (verified) {
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold tracking-tight">Address confirmed</h1>
        <p role="status" className="text-sm text-stone-700">
          {verified} is confirmed. Invitations sent to it can now be accepted.
        </p>
        <Link href="/" className="text-sm font-medium text-accent-700 underline-offset-2 hover:underline">
          Continue to Marginalia
        </Link>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold tracking-tight">Confirm your email address</h1>
      {error ? <Alert>{error}</Alert> : null}
      <Button onClick={confirm} disabled={pending} className="w-full">
        {pending ? 'Confirming…' : 'Confirm my email address'}
      </Button>
    </div>
  );
}
