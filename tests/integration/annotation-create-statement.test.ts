// The create path that writes in one statement on the strength of this process's guess of the
// article's current revision (server/data/annotations/create-annotation.ts): every request is
// still judged by the database as it is now, whatever the process saw before.
import { describe, expect, it } from 'vitest';
import { seedArticles } from '@/prisma/seed/seed-demo';
import { db } from '@/server/db';
import { requireRequestUser } from '@/server/auth/request-user';
import { getMemberArticle } from '@/server/data/articles/get-member-article';
import { saveArticleRevision } from '@/server/data/articles/save-article-revision';
import { auditSnapshot, annotationRecordSelect } from '@/server/data/annotations/annotation-record';
import { createAnnotation } from '@/server/data/annotations/create-annotation';
import { createApiToken, revokeApiToken } from '@/server/data/tokens/api-tokens';
import { countRows, workspaceWithMembers } from './helpers';

const QUOTE = 'We need to take away children';

async function setup() {
  const team = await workspaceWithMembers(['owner', 'editor', 'reviewer']);
  const stranger = (await workspaceWithMembers(['owner'])).members.owner!;
  const articles = await seedArticles(db(), { workspaceId: team.workspace.id, authorId: team.members.owner!.id });
  const articleId = articles.find((article) => article.title.startsWith('DOJ IG'))!.id;
  const article = await getMemberArticle({ userId: team.members.owner!.id, articleId });
  const on = (text: string, quote = QUOTE) => {
    const start = text.indexOf(quote);
    return { tag: 'quote' as const, note: null, position: { start, end: start + quote.length }, exact: quote };
  };
  // The first create teaches this process the article's current revision.
  await createAnnotation({ userId: team.members.owner!.id, articleId, input: on(article.revision.text) });
  return { team, stranger, articleId, article, on };
}

describe('creating an annotation in one statement', () => {
  it('stores the row and its audit event exactly as the answer describes them', async () => {
    const { team, articleId, article, on } = await setup();
    const reviewer = team.members.reviewer!;
    const { record } = await createAnnotation({ userId: reviewer.id, articleId, input: on(article.revision.text) });
    const stored = await db().annotation.findUniqueOrThrow({
      where: { id: record.id },
      select: annotationRecordSelect,
    });
    expect(stored).toEqual({ ...record, workspaceId: undefined, extraSelectors: null });
    expect(stored).toMatchObject({ revisionId: article.revision.id, taggedRevisionId: article.revision.id });
    const event = await db().auditEvent.findFirstOrThrow({ where: { objectId: record.id } });
    expect(event).toMatchObject({
      workspaceId: team.workspace.id,
      actorId: reviewer.id,
      action: 'annotation.created',
      objectType: 'annotation',
      articleId,
      before: null,
    });
    expect(event.after).toEqual(auditSnapshot(stored));
    expect(event.after).toMatchObject({ privileged: false, taggedQuote: QUOTE });
  });

  it('refuses a member removed or demoted since their last create, and strangers, even for selectors that do not fit', async () => {
    const { team, stranger, articleId, article, on } = await setup();
    const reviewer = team.members.reviewer!;
    await createAnnotation({ userId: reviewer.id, articleId, input: on(article.revision.text) });
    const membership = { workspaceId: team.workspace.id, userId: reviewer.id };
    await db().membership.update({ where: { workspaceId_userId: membership }, data: { role: 'viewer' } });
    const written = () => Promise.all([db().annotation.count({ where: { articleId } }), countRows()]);
    const before = await written();
    await expect(
      createAnnotation({ userId: reviewer.id, articleId, input: on(article.revision.text) }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', userMessage: expect.stringMatching(/^Viewers cannot annotate/) });
    await db().membership.delete({ where: { workspaceId_userId: membership } });
    await expect(
      createAnnotation({ userId: reviewer.id, articleId, input: on(article.revision.text) }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // A wrong quote must not answer 422 to someone who cannot see the article: that would
    // tell them what it says.
    const wrong = { ...on(article.revision.text), exact: 'Not what the article says here' };
    for (const input of [on(article.revision.text), wrong]) {
      await expect(createAnnotation({ userId: stranger.id, articleId, input })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    }
    expect(await written()).toEqual([before[0], { ...before[1], memberships: before[1].memberships - 1 }]);
  });

  it('re-anchors to a revision saved since (by anyone, anywhere), and carries a page that is behind over', async () => {
    const { team, articleId, article, on } = await setup();
    const reviewer = team.members.reviewer!.id;
    const text = `A new first paragraph.\n\n${article.revision.text}`;
    const saved = await saveArticleRevision({
      userId: team.members.editor!.id,
      articleId,
      input: { baseRevisionId: article.revision.id, text },
    });
    const { record: current } = await createAnnotation({ userId: reviewer, articleId, input: on(text) });
    expect(current).toMatchObject({ revisionId: saved.revision.id, taggedRevisionId: saved.revision.id });
    expect(current.posStart).toBe(text.indexOf(QUOTE));

    const { record: behind } = await createAnnotation({
      userId: reviewer,
      articleId,
      input: { ...on(article.revision.text), revisionId: article.revision.id },
    });
    expect(behind).toMatchObject({
      revisionId: saved.revision.id,
      taggedRevisionId: article.revision.id,
      taggedStart: article.revision.text.indexOf(QUOTE),
      posStart: text.indexOf(QUOTE),
      quoteExact: QUOTE,
    });
    const stored = await db().annotation.findUniqueOrThrow({
      where: { id: behind.id },
      select: annotationRecordSelect,
    });
    expect(stored).toEqual({ ...behind, workspaceId: undefined, extraSelectors: null });
  });

  it('stops accepting a token the moment it is revoked', async () => {
    const { team } = await setup();
    const owner = team.members.owner!.id;
    const { id, token } = await createApiToken({ userId: owner, name: 'script' });
    const request = () =>
      new Request('http://localhost:3000/api/me', { headers: { authorization: `Bearer ${token}` } });
    await expect(requireRequestUser(request())).resolves.toMatchObject({ id: owner, via: 'token', tokenId: id });
    expect((await db().apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).not.toBeNull();
    await revokeApiToken({ userId: owner, tokenId: id });
    await expect(requireRequestUser(request())).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
