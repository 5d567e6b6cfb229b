'use client';

import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { sendJson } from '@/components/ui/api-client';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { useApiSubmit } from '@/components/ui/use-api-submit';
import { PASSWORD_MIN } from '@/lib/validation/auth';

export function ResetPasswordForm({ token }: { token: string }) {
  const [done, setDone] = useState(false);
  const { pending, failure: error, run } = useApiSubmit();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get('password') ?? '');
    if (await run(() => sendJson('/api/password-reset/confirm', 'POST', { token, password }))) setDone(true);
  }

  if (done) {
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold tracking-tight">Password changed</h1>
        <p role="status" className="text-sm text-stone-700">
          Your new password is set, and every browser that was signed in to your account is signed out.
        </p>
        <Link href="/signin" className="text-sm font-medium text-accent-700 underline-offset-2 hover:underline">
          Sign in
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <h1 className="text-xl font-semibold tracking-tight">Choose a new password</h1>
      {error ? <Alert>{error.message}</Alert> : null}
      <TextField
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        autoFocus
        minLength={PASSWORD_MIN}
        errors={error?.fields?.password}
        hint={`At least ${PASSWORD_MIN} characters. A passphrase is best.`}
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? 'Saving…' : 'Set the new password'}
      </Button>
    </form>
  );
}
