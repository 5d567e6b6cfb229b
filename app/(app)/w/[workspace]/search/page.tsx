import type { Metadata } from 'next';
import { WorkspacePage } from '@/components/workspace/workspace-page';
import { SearchForm } from '@/components/search/search-form';
import { SearchResultsList } from '@/components/search/search-results';
import { Alert } from '@/components/ui/alert';
import { ZWorkspaceSearch } from '@/lib/validation/search';
import { requirePageUser } from '@/server/auth/session';
import { listMembers } from '@/server/data/members/members';
import { searchWorkspace } from '@/server/data/search/search-workspace';
import { orNotFound } from '@/server/pages/or-not-found';

export const metadata: Metadata = { title: 'Search' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SearchPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspace: string }>;
  searchParams: SearchParams;
}) {
  const { workspace: slug } = await params;
  const user = await requirePageUser(`/w/${slug}/search`);
  const raw = Object.fromEntries(
    Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
  const parsed = ZWorkspaceSearch.safeParse(raw);
  const input = parsed.success ? parsed.data : ZWorkspaceSearch.parse({ q: '' });
  const [{ workspace, results }, { members }] = await Promise.all([
    orNotFound(searchWorkspace({ userId: user.id, slug, input })),
    orNotFound(listMembers({ userId: user.id, slug })),
  ]);
  return (
    <WorkspacePage slug={slug}>
      <h1 className="mb-6 text-2xl font-semibold tracking-tight">Search {workspace.name}</h1>
      <SearchForm
        action={`/w/${slug}/search`}
        values={input}
        members={members.map((member) => ({ id: member.userId, name: member.name }))}
      />
      <div className="mt-8">
        {!parsed.success ? (
          <Alert>{parsed.error.issues[0]?.message ?? 'The search could not be read.'}</Alert>
        ) : input.q ? (
          <SearchResultsList slug={slug} results={results} />
        ) : (
          <p className="text-sm text-stone-500">
            Search the text of every article, the notes on annotations and the comments in threads. Use quotes for a
            phrase and a minus sign to leave a word out.
          </p>
        )}
      </div>
    </WorkspacePage>
  );
}
