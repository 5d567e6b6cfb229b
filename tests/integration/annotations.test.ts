import { describe, expect, it } from 'vitest';
import { seedArticles } from '@/prisma/seed/seed-demo';
import { db } from '@/server/db';
import { getMemberArticle } from '@/server/data/articles/get-member-article';
import { saveArticleRevision } from '@/server/data/articles/save-article-revision';
import { createAnnotation } from '@/server/data/annotations/create-annotation';
import { deleteAnnotation } from '@/server/data/annotations/delete-annotation';
import { listArticleAnnotations } from '@/server/data/annotations/list-article-annotations';
import { updateAnnotation } from '@/server/data/annotations/update-annotation';
import { countRows, workspaceWithMembers } from './helpers';

const QUOTE = 'We need to take away children';

async function setup() {
  const team = await workspaceWithMembers(['owner', 'editor', 'reviewer', 'viewer']);
  const stranger = (await workspaceWithMembers(['owner'])).members.owner!;
  const articles = await seedArticles(db(), { workspaceId: team.workspace.id, authorId: team.members.owner!.id });
  const articleId = articles.find((article) => article.title.startsWith('DOJ IG'))!.id;
  const article = await getMemberArticle({ userId: team.members.owner!.id, articleId });
  const start = article.revision.text.indexOf(QUOTE);
  const input = (tag: 'finding' | 'quote' | 'rebuttal' = 'quote', from = start, to = start + QUOTE.length) => ({
    tag,
    note: null,
    position: { start: from, end: to },
    exact: article.revision.text.slice(from, to),
  });
  return { team, stranger, articleId, article, start, input };
}

describe('annotations', () => {
  it('lets a reviewer tag a passage, storing W3C selectors with 32 characters of context and an audit event', async () => {
    const { team, articleId, input } = await setup();
    const { record: record } = await createAnnotation({ userId: team.members.reviewer!.id, articleId, input: input() });
    expect(record).toMatchObject({ tag: 'quote', quoteExact: QUOTE, anchorState: 'exact', version: 1 });
    expect(record.quotePrefix).toHaveLength(32);
    expect(record.quoteSuffix.startsWith(',” Sessions told')).toBe(true);
    const event = await db().auditEvent.findFirstOrThrow({ where: { objectId: record.id } });
    expect(event).toMatchObject({ action: 'annotation.created', actorId: team.members.reviewer!.id });
  });

  it('refuses viewers (403) and strangers (404), and bad selectors (422), writing nothing', async () => {
    const { team, stranger, articleId, article, input } = await setup();
    const before = await countRows();
    await expect(
      createAnnotation({ userId: team.members.viewer!.id, articleId, input: input() }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(createAnnotation({ userId: stranger.id, articleId, input: input() })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const length = article.revision.text.length;
    await expect(
      createAnnotation({
        userId: team.members.reviewer!.id,
        articleId,
        input: { ...input(), position: { start: length - 2, end: length + 5 }, exact: null },
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(
      createAnnotation({
        userId: team.members.reviewer!.id,
        articleId,
        input: { ...input(), exact: 'We need to keep children' },
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await countRows()).toEqual(before);
    expect(await db().annotation.count({ where: { articleId } })).toBe(0);
  });

  it('lets authors and editors change an annotation, refuses other reviewers, and refuses stale versions with 409', async () => {
    const { team, articleId, input } = await setup();
    const reviewer = team.members.reviewer!.id;
    const { record: record } = await createAnnotation({ userId: reviewer, articleId, input: input() });
    await expect(
      updateAnnotation({ userId: team.members.viewer!.id, annotationId: record.id, input: { tag: 'finding' } }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const { record: otherReviewer } = await createAnnotation({
      userId: team.members.editor!.id,
      articleId,
      input: input('finding'),
    });
    await expect(
      updateAnnotation({ userId: reviewer, annotationId: otherReviewer.id, input: { tag: 'rebuttal' } }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const changed = await updateAnnotation({
      userId: reviewer,
      annotationId: record.id,
      input: { note: 'Verified against the draft report', version: 1 },
    });
    expect(changed).toMatchObject({ note: 'Verified against the draft report', version: 2 });
    await expect(
      updateAnnotation({
        userId: team.members.editor!.id,
        annotationId: record.id,
        input: { tag: 'finding', version: 1 },
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const byEditor = await updateAnnotation({
      userId: team.members.editor!.id,
      annotationId: record.id,
      input: { tag: 'finding', version: 2 },
    });
    expect(byEditor).toMatchObject({ tag: 'finding', note: 'Verified against the draft report', version: 3 });
    const audit = await db().auditEvent.findMany({
      where: { objectId: record.id, action: 'annotation.updated' },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((event) => [(event.before as { tag: string }).tag, (event.after as { tag: string }).tag])).toEqual(
      [
        ['quote', 'quote'],
        ['quote', 'finding'],
      ],
    );
  });

  it('deletes with an audit record that keeps what was deleted', async () => {
    const { team, articleId, input } = await setup();
    const { record: record } = await createAnnotation({ userId: team.members.reviewer!.id, articleId, input: input() });
    await expect(deleteAnnotation({ userId: team.members.viewer!.id, annotationId: record.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await deleteAnnotation({ userId: team.members.owner!.id, annotationId: record.id });
    expect(await db().annotation.count({ where: { id: record.id } })).toBe(0);
    const event = await db().auditEvent.findFirstOrThrow({
      where: { objectId: record.id, action: 'annotation.deleted' },
    });
    expect(event.before).toMatchObject({ quote: QUOTE, tag: 'quote' });
  });
});

describe('article revisions', () => {
  it('re-anchors annotations: moved when the paragraph before changes, orphaned when the sentence is deleted', async () => {
    const { team, articleId, article, input, start } = await setup();
    const editor = team.members.editor!.id;
    const { record: quote } = await createAnnotation({
      userId: team.members.reviewer!.id,
      articleId,
      input: input('quote'),
    });
    const { record: overlap } = await createAnnotation({
      userId: team.members.owner!.id,
      articleId,
      input: input('rebuttal', start + 'We need to '.length, start + QUOTE.length + ',” Sessions told'.length),
    });

    const moved = article.revision.text.replace('at an order to prosecute', 'at an explicit order to prosecute');
    const first = await saveArticleRevision({
      userId: editor,
      articleId,
      input: { baseRevisionId: article.revision.id, text: moved },
    });
    expect(first).toMatchObject({
      created: true,
      revision: { number: 2 },
      anchors: { moved: 0, exact: 2, changed: 0, orphaned: 0 },
    });
    const afterMove = await listArticleAnnotations({ userId: editor, articleId });
    for (const record of afterMove) {
      expect(first.revision.text.slice(record.posStart, record.posEnd)).toBe(record.quoteExact);
      // Only the offsets shifted (an edit elsewhere): that is not news, so still exact.
      expect(record.anchorState).toBe('exact');
      expect(record.revisionId).toBe(first.revision.id);
    }
    expect(afterMove.find((record) => record.id === quote.id)?.quoteExact).toBe(QUOTE);
    expect(afterMove.find((record) => record.id === overlap.id)?.quoteExact).toBe('take away children,” Sessions told');

    const withoutSentence = first.revision.text
      .split('\n\n')
      .filter((paragraph) => !paragraph.includes(QUOTE))
      .join('\n\n');
    const second = await saveArticleRevision({
      userId: editor,
      articleId,
      input: { baseRevisionId: first.revision.id, text: withoutSentence },
    });
    expect(second.anchors).toEqual({ exact: 0, moved: 0, changed: 0, orphaned: 2, not_searched: 0 });
    const orphans = await listArticleAnnotations({ userId: editor, articleId });
    expect(orphans.map((record) => [record.anchorState, record.quoteExact])).toEqual([
      ['orphaned', QUOTE],
      ['orphaned', 'take away children,” Sessions told'],
    ]);
    const revised = await db().auditEvent.findMany({ where: { objectId: articleId, action: 'article.revised' } });
    expect(revised).toHaveLength(2);

    // The subheadings survive a plain-text save.
    const latest = await getMemberArticle({ userId: editor, articleId });
    expect(latest.revision.doc.content?.filter((node) => node.type === 'heading')).toHaveLength(2);
  });

  it('refuses a save on a stale revision with 409, and of concurrent saves on one base exactly one lands', async () => {
    const { team, articleId, article } = await setup();
    const editor = team.members.editor!.id;
    const saves = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) =>
        saveArticleRevision({
          userId: editor,
          articleId,
          input: { baseRevisionId: article.revision.id, text: `${article.revision.text}\n\nEdit ${i}` },
        }),
      ),
    );
    expect(saves.filter((save) => save.status === 'fulfilled')).toHaveLength(1);
    for (const save of saves) if (save.status === 'rejected') expect(save.reason).toMatchObject({ code: 'CONFLICT' });
    expect(await db().articleRevision.count({ where: { articleId } })).toBe(2);
    await expect(
      saveArticleRevision({ userId: editor, articleId, input: { baseRevisionId: article.revision.id, text: 'late' } }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('lets only editors and owners save, and validates documents', async () => {
    const { team, stranger, articleId, article } = await setup();
    const base = { baseRevisionId: article.revision.id };
    await expect(
      saveArticleRevision({ userId: team.members.reviewer!.id, articleId, input: { ...base, text: 'x' } }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      saveArticleRevision({ userId: stranger.id, articleId, input: { ...base, text: 'x' } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      saveArticleRevision({
        userId: team.members.editor!.id,
        articleId,
        input: { ...base, doc: { type: 'doc', content: [{ type: 'iframe' }] } },
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const same = await saveArticleRevision({
      userId: team.members.editor!.id,
      articleId,
      input: { ...base, doc: article.revision.doc },
    });
    expect(same.created).toBe(false);
    expect(await db().articleRevision.count({ where: { articleId } })).toBe(1);
  });
});

describe('idempotent creation', () => {
  it('stores a request sent many times at once exactly once, and answers every copy with it', async () => {
    const { team, articleId, input } = await setup();
    const userId = team.members.reviewer!.id;
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        createAnnotation({ userId, articleId, input: input(), idempotencyKey: 'retry-1' }),
      ),
    );
    expect(new Set(results.map((result) => result.record.id)).size).toBe(1);
    expect(results.filter((result) => !result.replayed)).toHaveLength(1);
    expect(await db().annotation.count({ where: { articleId, authorId: userId } })).toBe(1);
    expect(await db().auditEvent.count({ where: { objectId: results[0]!.record.id } })).toBe(1);
  });

  it('refuses a key reused for a different annotation, and keys are per author', async () => {
    const { team, articleId, input, start } = await setup();
    await createAnnotation({ userId: team.members.reviewer!.id, articleId, input: input(), idempotencyKey: 'k' });
    await expect(
      createAnnotation({
        userId: team.members.reviewer!.id,
        articleId,
        input: input('finding', start, start + 4),
        idempotencyKey: 'k',
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const other = await createAnnotation({
      userId: team.members.editor!.id,
      articleId,
      input: input(),
      idempotencyKey: 'k',
    });
    expect(other.replayed).toBe(false);
  });
});

describe('review status and assignment', () => {
  it('lets editors and owners accept, reject and assign to members; not reviewers, not to outsiders', async () => {
    const { team, stranger, articleId, input } = await setup();
    const { record: record } = await createAnnotation({ userId: team.members.reviewer!.id, articleId, input: input() });
    await expect(
      updateAnnotation({
        userId: team.members.reviewer!.id,
        annotationId: record.id,
        input: { reviewStatus: 'accepted' },
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      updateAnnotation({
        userId: team.members.editor!.id,
        annotationId: record.id,
        input: { assigneeId: stranger.id },
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const accepted = await updateAnnotation({
      userId: team.members.editor!.id,
      annotationId: record.id,
      input: { reviewStatus: 'accepted', assigneeId: team.members.reviewer!.id },
    });
    expect(accepted).toMatchObject({
      reviewStatus: 'accepted',
      reviewedById: team.members.editor!.id,
      assigneeId: team.members.reviewer!.id,
    });
    const reopened = await updateAnnotation({
      userId: team.members.owner!.id,
      annotationId: record.id,
      input: { reviewStatus: 'open', assigneeId: null },
    });
    expect(reopened).toMatchObject({ reviewStatus: 'open', reviewedById: null, reviewedAt: null, assigneeId: null });
    const actions = await db().auditEvent.findMany({
      where: { objectId: record.id },
      orderBy: { id: 'asc' },
      select: { action: true },
    });
    expect(actions.map((event) => event.action)).toEqual([
      'annotation.created',
      'annotation.reviewed',
      'annotation.reviewed',
    ]);
  });
});
