'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { PASSWORD_MIN } from '@/lib/validation/auth';

type ApiError = { error?: { message?: string; fields?: Record<string, string[]> } };

export function SignUpForm({ callbackUrl }: { callbackUrl: string | null }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [pending, setPending] = useState(false);
  const [checkEmail, setCheckEmail] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = {
      name: String(form.get('name') ?? ''),
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
    };
    setPending(true);
    setMessage(null);
    setFields({});
    try {
      const response = await fetch('/api/signup', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const json = (await response.json().catch(() => ({}))) as ApiError & { message?: string };
      if (!response.ok) {
        const fieldErrors = json.error?.fields ?? {};
        const onlyFieldErrors = response.status === 422 && Object.keys(fieldErrors).length > 0;
        setMessage(
          onlyFieldErrors
            ? 'Please correct the fields marked below.'
            : (json.error?.message ?? 'We could not create your account. Please try again.'),
        );
        setFields(fieldErrors);
        setPending(false);
        return;
      }
      // The answer is the same for a new address and a known one (whose owner got a mail instead),
      // so only signing in with the password just chosen tells a new account apart.
      const signedIn = await signIn('credentials', { email: body.email, password: body.password, redirect: false });
      if (signedIn?.ok) {
        router.replace(callbackUrl ?? '/');
        router.refresh();
        return;
      }
      setCheckEmail(json.message ?? 'Check your email.');
      setPending(false);
    } catch {
      setMessage('We could not reach the server. Check your connection and try again.');
      setPending(false);
    }
  }

  if (checkEmail) {
    return (
      <div className="space-y-4">
        <h1 className="text-xl font-semibold tracking-tight">Check your email</h1>
        <p className="text-sm text-stone-700" role="status">
          {checkEmail}
        </p>
        <p className="text-sm text-stone-600">
          Already have an account?{' '}
          <Link href="/signin" className="font-medium text-accent-700 underline-offset-2 hover:underline">
            Sign in
          </Link>{' '}
          or{' '}
          <Link href="/forgot-password" className="font-medium text-accent-700 underline-offset-2 hover:underline">
            reset your password
          </Link>
          .
        </p>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <h1 className="text-xl font-semibold tracking-tight">Create your account</h1>
      {message ? <Alert>{message}</Alert> : null}
      <TextField label="Name" name="name" autoComplete="name" required autoFocus errors={fields.name} />
      <TextField label="Email" name="email" type="email" autoComplete="email" required errors={fields.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        errors={fields.password}
        hint={`At least ${PASSWORD_MIN} characters. A passphrase is best.`}
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? 'Creating account…' : 'Create account'}
      </Button>
      <p className="text-center text-sm text-stone-600">
        Already have an account?{' '}
        <Link
          href={callbackUrl ? `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}` : '/signin'}
          className="font-medium text-accent-700 underline-offset-2 hover:underline"
        >
          Sign in
        </Link>
      </p>
    </form>
  );
}
