'use client';

import Link from 'next/link';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { sendJson } from '@/components/ui/api-client';
import { Button } from '@/components/ui/button';
import { useApiSubmit } from '@/components/ui/use-api-submit';

/** A button rather than a confirmation on page load: mail scanners that open links confirm nothing. */
export function VerifyEmailButton({ token }: { token: string }) {
  const [verified, setVerified] = useState<string | null>(null);
  const { pending, failure, run } = useApiSubmit();

  async function confirm() {
    const value = await run(() =>
      sendJson<{ verified: { email: string } }>('/api/email-verification', 'POST', { token }),
    );
    if (value) setVerified(value.verified.email);
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
      {failure ? <Alert>{failure.message}</Alert> : null}
      <Button onClick={confirm} disabled={pending} className="w-full">
        {pending ? 'Confirming…' : 'Confirm my email address'}
      </Button>
    </div>
  );
}
