import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignUpForm } from '@/components/auth/sign-up-form';
import { safeCallbackUrl } from '@/lib/safe-callback-url';
import { getSessionUser } from '@/server/auth/session';

export const metadata: Metadata = { title: 'Create account' };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const requested = (await searchParams).callbackUrl;
  const callbackUrl = requested ? safeCallbackUrl(requested) : null;
  if (await getSessionUser()) redirect(callbackUrl ?? '/');
  return <SignUpForm callbackUrl={callbackUrl} />;
}
