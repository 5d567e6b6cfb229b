'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { sendJson } from '@/components/ui/api-client';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { useApiSubmit, type ApiFailure } from '@/components/ui/use-api-submit';
import { PASSWORD_MIN } from '@/lib/validation/auth';

/** useApiSubmit with a message to show on success. */
function useSubmit() {
  const submit = useApiSubmit();
  const [done, setDone] = useState<string | null>(null);
  async function run(work: () => ReturnType<typeof sendJson>, success: string) {
    setDone(null);
    const ok = (await submit.run(work)) !== null;
    if (ok) setDone(success);
    return ok;
  }
  return { pending: submit.pending, failure: submit.failure, done, run };
}

function Feedback({ failure, done }: { failure: ApiFailure | null; done: string | null }) {
  if (failure) return <Alert>{failure.message}</Alert>;
  if (done)
    return (
      <p role="status" className="text-sm text-emerald-700">
        {done}
      </p>
    );
  return null;
}

export function ChangeNameForm({ name }: { name: string }) {
  const router = useRouter();
  const { pending, failure, done, run } = useSubmit();
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get('name') ?? '');
    if (await run(() => sendJson('/api/account', 'PATCH', { name: value }), 'Your name is saved.')) router.refresh();
  }
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <Feedback failure={failure} done={done} />
      <TextField
        label="Name"
        name="name"
        defaultValue={name}
        autoComplete="name"
        required
        errors={failure?.fields?.name}
      />
      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : 'Save name'}
      </Button>
    </form>
  );
}

export function ChangePasswordForm() {
  const { pending, failure, done, run } = useSubmit();
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const body = {
      currentPassword: String(data.get('currentPassword') ?? ''),
      newPassword: String(data.get('newPassword') ?? ''),
    };
    const ok = await run(
      () => sendJson('/api/account/password', 'POST', body),
      'Your password is changed. Every other browser signed in to your account is signed out.',
    );
    if (ok) form.reset();
  }
  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate>
      <Feedback failure={failure} done={done} />
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
        errors={failure?.fields?.currentPassword}
      />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        errors={failure?.fields?.newPassword}
        hint={`At least ${PASSWORD_MIN} characters.`}
      />
      <Button type="submit" disabled={pending}>
        {pending ? 'Changing…' : 'Change password'}
      </Button>
    </form>
  );
}

export function ResendVerificationButton() {
  const { pending, failure, done, run } = useSubmit();
  return (
    <div className="space-y-2">
      <Feedback failure={failure} done={done} />
      <Button
        variant="secondary"
        disabled={pending}
        onClick={() => run(() => sendJson('/api/account/verification', 'POST'), 'Sent. Open the link in the mail.')}
      >
        {pending ? 'Sending…' : 'Send the confirmation link again'}
      </Button>
    </div>
  );
}

export function SessionButtons() {
  const router = useRouter();
  const { pending, failure, done, run } = useSubmit();
  return (
    <div className="space-y-2">
      <Feedback failure={failure} done={done} />
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          disabled={pending}
          onClick={() =>
            run(() => sendJson('/api/account/sessions?keep=current', 'DELETE'), 'Every other browser is signed out.')
          }
        >
          Sign out other browsers
        </Button>
        <Button
          variant="secondary"
          disabled={pending}
          onClick={async () => {
            // This browser's session is gone too: on to sign-in.
            if (await run(() => sendJson('/api/account/sessions', 'DELETE'), 'Signed out everywhere.')) {
              router.replace('/signin');
              router.refresh();
            }
          }}
        >
          Sign out everywhere
        </Button>
      </div>
    </div>
  );
}
