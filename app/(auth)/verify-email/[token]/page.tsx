import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { VerifyEmailButton } from '@/components/auth/verify-email-button';
import { ZAccountToken } from '@/lib/validation/account';

export const metadata: Metadata = { title: 'Confirm your email address', referrer: 'no-referrer' };

export default async function VerifyEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const parsed = ZAccountToken.safeParse((await params).token);
  if (!parsed.success) notFound();
  return <VerifyEmailButton token={parsed.data} />;
}
