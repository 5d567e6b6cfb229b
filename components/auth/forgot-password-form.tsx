'use client';

import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { sendJson } from '@/components/ui/api-client';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { useApiSubmit } from '@/components/ui/use-api-submit';

export function ForgotPasswordForm() {
  const [sent, setSent] = useState<string | null>(null);
  const { pending, failure: error, run } = useApiSubmit();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get('email') ?? '');
    const value = await run(() => sendJson<{ message: string }>('/api/password-reset', 'POST', { email }));
    if (value) setSent(value.message);
  }

  if (sent) {
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold tracking-tight">Check your email</h1>
        <p role="status" className="text-sm text-stone-700">
          {sent}
        </p>
        <Link href="/signin" className="text-sm font-medium text-accent-700 underline-offset-2 hover:underline">
          Back to sign-in
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <h1 className="text-xl font-semibold tracking-tight">Reset your password</h1>
      <p className="text-sm text-stone-600">Enter the address of your account and we will mail you a link.</p>
      {error ? <Alert>{error.message}</Alert> : null}
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        autoFocus
        errors={error?.fields?.email}
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? 'Sending…' : 'Send the link'}
      </Button>
    </form>
  );
}
