import type { Metadata } from 'next';
import { ApiTokensManager } from '@/components/settings/api-tokens-manager';
import { StandalonePage } from '@/components/ui/standalone-page';
import { requirePageUser } from '@/server/auth/session';
import { listApiTokens } from '@/server/data/tokens/api-tokens';

export const metadata: Metadata = { title: 'API tokens' };

export default async function ApiTokensPage() {
  const user = await requirePageUser('/settings/tokens');
  const tokens = await listApiTokens(user.id);
  return (
    <StandalonePage title="API tokens" email={user.email}>
      <p className="text-sm text-stone-600">
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
    </StandalonePage>
  );
}
