import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignUpForm } from '@/components/auth/sign-up-form';
import { getSessionUser } from '@/server/auth/session';

export const metadata: Metadata = { title: 'Create account' };

export default async function SignUpPage() {
  if (await getSessionUser()) redirect('/');
  return <SignUpForm />;
}
