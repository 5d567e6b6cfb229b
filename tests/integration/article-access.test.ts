import { describe, expect, it } from 'vitest';
import { seedArticles } from '@/prisma/seed/seed-demo';
import { db } from '@/server/db';
import { getMemberArticle } from '@/server/data/articles/get-member-article';
import { listWorkspaceArticles } from '@/server/data/articles/list-workspace-articles';
import { updateArticle } from '@/server/data/articles/update-article';
import { getMemberWorkspace } from '@/server/data/workspaces/get-member-workspace';
import { workspaceWithMembers } from './helpers';

async function setup() {
  const team = await workspaceWithMembers(['owner', 'editor', 'viewer']);
  const stranger = await workspaceWithMembers(['owner']);
  const [article] = await seedArticles(db(), { workspaceId: team.workspace.id, authorId: team.members.owner!.id });
  return { team, stranger: stranger.members.owner!, article: article! };
}

describe('article access', () => {
  it('shows members the latest revision with their role, and hides the article from others as not found', async () => {
    const { team, stranger, article } = await setup();
    const seen = await getMemberArticle({ userId: team.members.viewer!.id, articleId: article.id });
    expect(seen.role).toBe('viewer');
    expect(seen.revision.number).toBe(1);
    await expect(getMemberArticle({ userId: stranger.id, articleId: article.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(getMemberArticle({ userId: stranger.id, articleId: 'not-a-uuid' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(getMemberWorkspace({ userId: stranger.id, slug: team.workspace.slug })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('lists the workspace articles with their annotation counts', async () => {
    const { team } = await setup();
    const articles = await listWorkspaceArticles(team.workspace.id, team.members.owner!.id);
    expect(articles).toHaveLength(2);
    expect(articles.every((article) => article.annotationCount === 0)).toBe(true);
  });

  it('lets editors rename with an audit record, and refuses viewers and strangers without writing', async () => {
    const { team, stranger, article } = await setup();
    await expect(
      updateArticle({ userId: team.members.viewer!.id, articleId: article.id, input: { title: 'Viewer title' } }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      updateArticle({ userId: stranger.id, articleId: article.id, input: { title: 'Stranger title' } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await db().article.findUniqueOrThrow({ where: { id: article.id } })).title).toBe(article.title);

    await updateArticle({
      userId: team.members.editor!.id,
      articleId: article.id,
      input: { title: 'IG report blames Sessions' },
    });
    expect((await db().article.findUniqueOrThrow({ where: { id: article.id } })).title).toBe(
      'IG report blames Sessions',
    );
    await updateArticle({ userId: team.members.editor!.id, articleId: article.id, input: { status: 'in_review' } });
    const statusEvent = await db().auditEvent.findFirstOrThrow({
      where: { objectId: article.id, action: 'article.status_changed' },
    });
    expect(statusEvent).toMatchObject({ before: { status: 'draft' }, after: { status: 'in_review' } });
    const event = await db().auditEvent.findFirstOrThrow({
      where: { objectId: article.id, action: 'article.renamed' },
    });
    expect(event).toMatchObject({
      actorId: team.members.editor!.id,
      before: { title: article.title },
      after: { title: 'IG report blames Sessions' },
    });
  });
});
