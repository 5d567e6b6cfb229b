'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { SIGN_IN_RATE_LIMITED_ERROR } from '@/lib/security/rate-limit';

// One message for unknown email and wrong password alike: no account enumeration.
const WRONG_CREDENTIALS = 'That email and password do not match an account. Check them and try again.';
// Answered 429 by the sign-in rate limit (the same for every email, known or not).
const RATE_LIMITED = 'Too many sign-in attempts. Try again later.';

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn('credentials', {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      redirect: false,
    }).catch(() => null);
    if (!result) {
      setError('We could not reach the server. Check your connection and try again.');
      setPending(false);
    } else if (result.status === 429 || result.error === SIGN_IN_RATE_LIMITED_ERROR) {
      setError(RATE_LIMITED);
      setPending(false);
    } else if (result.error) {
      setError(WRONG_CREDENTIALS);
      setPending(false);
    } else {
      router.replace(callbackUrl);
      router.refresh();
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <h1 className="text-xl font-semibold tracking-tight">Sign in</h1>
      {error ? <Alert>{error}</Alert> : null}
      <TextField label="Email" name="email" type="email" autoComplete="email" required autoFocus />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
      <p className="text-right text-sm">
        <Link href="/forgot-password" className="text-accent-700 underline-offset-2 hover:underline">
          Forgot your password?
        </Link>
      </p>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
      <p className="text-center text-sm text-stone-600">
        New to Marginalia?{' '}
        <Link
          href={callbackUrl === '/' ? '/signup' : `/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`}
          className="font-medium text-accent-700 underline-offset-2 hover:underline"
        >
          Create an account
        </Link>
      </p>
    </form>
  );
}
