import type { Metadata } from 'next';
import Link from 'next/link';
import { ApiTokensManager } from '@/components/settings/api-tokens-manager';
import { Logo } from '@/components/ui/logo';
import { requirePageUser } from '@/server/auth/session';
import { listApiTokens } from '@/server/data/tokens/api-tokens';

export const metadata: Metadata = { title: 'API tokens' };

export default async function ApiTokensPage() {
  const user = await requirePageUser('/settings/tokens');
  const tokens = await listApiTokens(user.id);
  return (
    <main className="mx-auto max-w-2xl px-4 py-10">
      <nav className="mb-8 flex items-center justify-between text-sm">
        <Link href="/" aria-label="Marginalia, back to your workspace">
          <Logo />
        </Link>
        <span className="text-stone-500">{user.email}</span>
      </nav>
      <h1 className="text-2xl font-semibold tracking-tight">API tokens</h1>
      <p className="mt-2 text-sm text-stone-600">
        Personal access tokens let scripts use the annotation API as you, with your roles. Revoke a token as soon as it
        is no longer needed.
      </p>
      <div className="mt-6">
        <ApiTokensManager
          initialTokens={tokens.map((token) => ({
            ...token,
            createdAt: token.createdAt.toISOString(),
            lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
          }))}
        />
      </div>
    </main>
  );
}
