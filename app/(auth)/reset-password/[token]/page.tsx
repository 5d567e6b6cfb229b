import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ResetPasswordForm } from '@/components/auth/reset-password-form';
import { ZAccountToken } from '@/lib/validation/account';

export const metadata: Metadata = { title: 'Choose a new password', referrer: 'no-referrer' };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const parsed = ZAccountToken.safeParse((await params).token);
  if (!parsed.success) notFound();
  return <ResetPasswordForm token={parsed.data} />;
}
