import { describe, expect, it } from 'vitest';
import { createArticle } from '@/server/data/articles/create-article';
import { searchWorkspace } from '@/server/data/search/search-workspace';
import { db } from '@/server/db';
import { ZWorkspaceSearch } from '@/lib/validation/search';
import { workspaceWithMembers } from './helpers';

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

async function setup() {
  const team = await workspaceWithMembers(['owner']);
  const outsider = (await workspaceWithMembers(['owner'])).members.owner!;
  const owner = team.members.owner!;
  // Astral characters (emoji) count two UTF-16 units in the browser but one character in Postgres.
  const passage = 'Officials 😀😀 described the separation policy as a deterrent.';
  const article = await createArticle(db(), {
    workspaceId: team.workspace.id,
    authorId: owner.id,
    doc: { type: 'doc', content: [paragraph('An opening line 🙂 about nothing.'), paragraph(passage)] },
    metadata: { title: 'Search fixture' },
  });
  return { team, owner, outsider, article, passage };
}

const search = (userId: string, slug: string, query: Record<string, string>) =>
  searchWorkspace({ userId, slug, input: ZWorkspaceSearch.parse(query) });

describe('workspace search', () => {
  it('finds a passage by a stemmed word and returns its range in the text as the browser counts it', async () => {
    const { team, owner, article, passage } = await setup();
    const { results } = await search(owner.id, team.workspace.slug, { q: 'separated' });
    expect(results.passages).toHaveLength(1);
    const [hit] = results.passages;
    expect(article.text.slice(hit!.start, hit!.end)).toBe(passage);
    expect(hit!.headline).toContain('separation');
  });

  it('leaves passages out when a tag filter is set, and hides the workspace from outsiders', async () => {
    const { team, owner, outsider } = await setup();
    const filtered = await search(owner.id, team.workspace.slug, { q: 'separation', tag: 'finding' });
    expect(filtered.results.passages).toEqual([]);
    await expect(search(outsider.id, team.workspace.slug, { q: 'separation' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
