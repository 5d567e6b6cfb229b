import type { ReactNode } from 'react';
import { Logo } from '@/components/ui/logo';

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <Logo className="mb-8 text-2xl" />
      <div className="w-full max-w-sm rounded-xl border border-stone-200 bg-white p-8 shadow-sm">{children}</div>
      <p className="mt-6 max-w-sm text-center text-sm text-stone-500">
        Highlight, tag and discuss the passages that matter, with a review you can defend.
      </p>
    </main>
  );
}
