// A privileged annotation through every read path: editors, owners and its author see it and
// its thread; a viewer and another reviewer get nothing, not even a count; exports leave it out
// unless asked; the privilege log lists it without its words; marking is audited.
import { describe, expect, it } from 'vitest';
import { seedArticles } from '@/prisma/seed/seed-demo';
import { db } from '@/server/db';
import { getMemberArticle } from '@/server/data/articles/get-member-article';
import { listWorkspaceArticles } from '@/server/data/articles/list-workspace-articles';
import { createAnnotation } from '@/server/data/annotations/create-annotation';
import { deleteAnnotation } from '@/server/data/annotations/delete-annotation';
import { getMemberAnnotation } from '@/server/data/annotations/get-member-annotation';
import { listAnnotationPage } from '@/server/data/annotations/list-annotation-page';
import { listArticleAnnotations } from '@/server/data/annotations/list-article-annotations';
import { setAnnotationPrivilege } from '@/server/data/annotations/set-annotation-privilege';
import { updateAnnotation } from '@/server/data/annotations/update-annotation';
import { listAuditEvents } from '@/server/data/audit/list-audit-events';
import { createComment, listComments } from '@/server/data/comments/comments';
import { getMemberComment } from '@/server/data/comments/get-member-comment';
import { listAnnotationHistory } from '@/server/data/evidence/list-annotation-history';
import { loadPrivilegeLog } from '@/server/data/export/load-privilege-log';
import { loadReviewData } from '@/server/data/export/load-review-data';
import { loadReviewMemo } from '@/server/data/export/load-review-memo';
import { importAnnotationCollection } from '@/server/data/import/import-annotation-collection';
import { exportUrls, toAnnotationCollectionExport } from '@/lib/domain/export/annotation-export';
import { countUnreadMentions, listInbox } from '@/server/data/inbox/inbox';
import { getMemberLink } from '@/server/data/links/get-member-link';
import { createLink, listArticleLinks, searchWorkspaceAnnotations } from '@/server/data/links/links';
import { searchWorkspace } from '@/server/data/search/search-workspace';
import { getRevision, listRevisions } from '@/server/data/revisions/revisions';
import { runQuoteCheck } from '@/server/data/quote-check/run-quote-check';
import { articleEventsAfter } from '@/server/live/article-events';
import { getArticleLiveCursor } from '@/server/live/article-live-cursor';
import { decodeEventCursor } from '@/server/live/event-cursor';
import { withheldAnnotationIds } from '@/server/data/privilege/visible-annotations';
import { ZWorkspaceSearch } from '@/lib/validation/search';
import { workspaceWithMembers } from './helpers';

const QUOTE = 'We need to take away children';
const SECRET_NOTE = 'counsel says settle quietly';
const SECRET_COMMENT = 'privileged advice from counsel';

async function setup() {
  const team = await workspaceWithMembers(['owner', 'editor', 'reviewer', 'viewer']);
  const other = (await workspaceWithMembers(['reviewer'])).members.reviewer!;
  // A second reviewer in the same workspace.
  const second = await workspaceWithMembers(['reviewer']);
  const reviewerB = second.members.reviewer!;
  await db().membership.create({ data: { workspaceId: team.workspace.id, userId: reviewerB.id, role: 'reviewer' } });
  const outsider = (await workspaceWithMembers(['owner'])).members.owner!;
  const m = team.members as Record<'owner' | 'editor' | 'reviewer' | 'viewer', { id: string }>;
  const articles = await seedArticles(db(), { workspaceId: team.workspace.id, authorId: m.owner.id });
  const articleId = articles.find((article) => article.title.startsWith('DOJ IG'))!.id;
  const article = await getMemberArticle({ userId: m.owner.id, articleId });
  const start = article.revision.text.indexOf(QUOTE);
  const input = (tag: 'finding' | 'quote' | 'rebuttal', note: string | null, from = start) => ({
    tag,
    note,
    position: { start: from, end: from + QUOTE.length },
    exact: article.revision.text.slice(from, from + QUOTE.length),
  });
  // The reviewer's privileged finding, with a thread; and an ordinary quote beside it, linked.
  const { record: secret } = await createAnnotation({
    userId: m.reviewer.id,
    articleId,
    input: input('finding', SECRET_NOTE),
  });
  const { record: open } = await createAnnotation({ userId: m.owner.id, articleId, input: input('quote', null) });
  const comment = await createComment({
    userId: m.editor.id,
    annotationId: secret.id,
    body: SECRET_COMMENT,
    mentions: [m.viewer.id, reviewerB.id, m.reviewer.id],
  });
  const { link } = await createLink({
    userId: m.owner.id,
    fromAnnotationId: open.id,
    input: { toAnnotationId: secret.id, type: 'supports' },
  });
  await updateAnnotation({
    userId: m.editor.id,
    annotationId: secret.id,
    input: { assigneeId: m.viewer.id },
  });
  const current = await getMemberAnnotation({ userId: m.reviewer.id, annotationId: secret.id });
  await setAnnotationPrivilege({
    userId: m.reviewer.id,
    annotationId: secret.id,
    basis: 'attorney-client',
    version: current.record.version,
  });
  return { team, m, reviewerB, other, outsider, articleId, secret, open, comment, linkId: link.id };
}

type Setup = Awaited<ReturnType<typeof setup>>;
const readers = (s: Setup) => [s.m.owner.id, s.m.editor.id, s.m.reviewer.id];
const withheldFrom = (s: Setup) => [s.m.viewer.id, s.reviewerB.id];

describe('privileged notes', () => {
  it('shows the annotation, its thread and its link to editors, owners and the author only', async () => {
    const s = await setup();
    for (const userId of readers(s)) {
      const list = await listArticleAnnotations({ userId, articleId: s.articleId });
      expect(list.map((record) => record.id)).toContain(s.secret.id);
      expect(list.find((record) => record.id === s.secret.id)?.privilegeBasis).toBe('attorney-client');
      expect((await listComments({ userId, annotationId: s.secret.id })).map((c) => c.body)).toEqual([SECRET_COMMENT]);
      expect((await getMemberLink({ userId, linkId: s.linkId })).id).toBe(s.linkId);
    }
    for (const userId of withheldFrom(s)) {
      const list = await listArticleAnnotations({ userId, articleId: s.articleId });
      expect(list.map((record) => record.id)).toEqual([s.open.id]);
      await expect(getMemberAnnotation({ userId, annotationId: s.secret.id })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await expect(listComments({ userId, annotationId: s.secret.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(getMemberComment({ userId, commentId: s.comment.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(getMemberLink({ userId, linkId: s.linkId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(listAnnotationHistory({ userId, annotationId: s.secret.id })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      // Nor can they write on it, comment on it or link to it.
      await expect(
        createComment({ userId: s.reviewerB.id, annotationId: s.secret.id, body: 'x' }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(
        createLink({
          userId: s.reviewerB.id,
          fromAnnotationId: s.open.id,
          input: { toAnnotationId: s.secret.id, type: 'rebuts' },
        }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(await listArticleLinks({ userId, articleId: s.articleId })).toEqual({});
    }
  });

  it('counts only what the reader may see: container pages, totals, revisions and the article list', async () => {
    const s = await setup();
    const page = (userId: string) =>
      listAnnotationPage({ userId, articleId: s.articleId, request: { kind: 'first' }, size: 10 });
    expect((await page(s.m.editor.id)).total).toBe(2);
    for (const userId of withheldFrom(s)) {
      const result = await page(userId);
      expect(result.total).toBe(1);
      expect(result.records.map((record) => record.id)).toEqual([s.open.id]);
      const articles = await listWorkspaceArticles(s.team.workspace.id, userId);
      expect(articles.find((article) => article.id === s.articleId)?.annotationCount).toBe(1);
    }
    for (const userId of withheldFrom(s)) {
      const revision = await getRevision({ userId, articleId: s.articleId, ref: '1' });
      expect(revision.annotations.map((annotation) => annotation.id)).toEqual([s.open.id]);
      expect((await listRevisions({ userId, articleId: s.articleId })).every((r) => r.anchors === null)).toBe(true);
    }
    const asEditor = await getRevision({ userId: s.m.editor.id, articleId: s.articleId, ref: '1' });
    expect(asEditor.annotations).toHaveLength(2);
    const full = await listWorkspaceArticles(s.team.workspace.id, s.m.owner.id);
    expect(full.find((article) => article.id === s.articleId)?.annotationCount).toBe(2);
  });

  it('keeps it out of search, the link picker and the inbox of those who may not read it', async () => {
    const s = await setup();
    const search = (userId: string, q: string) =>
      searchWorkspace({ userId, slug: s.team.workspace.slug, input: ZWorkspaceSearch.parse({ q }) });
    expect((await search(s.m.editor.id, 'settle')).results.annotations).toHaveLength(1);
    expect((await search(s.m.editor.id, 'counsel')).results.comments).toHaveLength(1);
    for (const userId of withheldFrom(s)) {
      expect((await search(userId, 'settle')).results.annotations).toEqual([]);
      expect((await search(userId, 'counsel')).results.comments).toEqual([]);
      expect(await searchWorkspaceAnnotations({ userId, slug: s.team.workspace.slug, q: 'settle' })).toEqual([]);
      expect(await listInbox(userId)).toEqual([]);
      expect(await countUnreadMentions(userId)).toBe(0);
    }
    // The author, mentioned too, still finds it.
    expect((await listInbox(s.m.reviewer.id)).map((item) => item.body)).toEqual([SECRET_COMMENT]);
  });

  it('leaves it out of exports unless asked, and then only for those who may read it', async () => {
    const s = await setup();
    const slug = s.team.workspace.slug;
    const ids = async (userId: string, includePrivileged: boolean) => {
      const data = await loadReviewData({ userId, slug, articleId: s.articleId, includePrivileged });
      return { annotations: data.annotations.map((a) => a.id), links: data.links.length };
    };
    expect(await ids(s.m.editor.id, false)).toEqual({ annotations: [s.open.id], links: 0 });
    expect((await ids(s.m.editor.id, true)).annotations.sort()).toEqual([s.open.id, s.secret.id].sort());
    expect((await ids(s.m.editor.id, true)).links).toBe(1);
    for (const userId of withheldFrom(s))
      expect(await ids(userId, true)).toEqual({ annotations: [s.open.id], links: 0 });
    // The memo's audit appendix follows the same choice.
    const memo = await loadReviewMemo({ userId: s.m.owner.id, slug, articleId: s.articleId, userName: 'Owner' });
    expect(JSON.stringify(memo)).not.toContain(SECRET_NOTE);
    expect(JSON.stringify(memo)).not.toContain('attorney-client');
  });

  it("lists in a page's live cursor only the events the stream would send that reader", async () => {
    const s = await setup();
    const cursor = (userId: string) => getArticleLiveCursor({ userId, articleId: s.articleId });
    const owner = await cursor(s.m.owner.id);
    const events = await articleEventsAfter(s.articleId, 0n);
    for (const userId of withheldFrom(s)) {
      const { seen } = await cursor(userId);
      const role = userId === s.m.viewer.id ? 'viewer' : 'reviewer';
      const withheld = await withheldAnnotationIds({
        userId,
        role,
        workspaceId: s.team.workspace.id,
        articleId: s.articleId,
      });
      const sendable = events.filter((event) => event.toLive(role, withheld) !== null).map((event) => event.seq);
      expect(seen.map(decodeEventCursor)).toEqual(sendable);
      expect(seen.length).toBeLessThan(owner.seen.length);
    }
  });

  it('stays privileged through an export and an import into another workspace', async () => {
    const s = await setup();
    const data = await loadReviewData({
      userId: s.m.editor.id,
      slug: s.team.workspace.slug,
      articleId: s.articleId,
      includePrivileged: true,
    });
    const json = JSON.parse(
      JSON.stringify(
        toAnnotationCollectionExport({
          collectionId: 'https://example.test/export',
          label: 'Export',
          ...data,
          urls: exportUrls('https://example.test'),
        }),
      ),
    );
    const target = await workspaceWithMembers(['owner', 'viewer']);
    const owner = target.members.owner!.id;
    const viewer = target.members.viewer!.id;
    await importAnnotationCollection({ userId: owner, slug: target.workspace.slug, json });
    const audit = await db().auditEvent.findFirstOrThrow({
      where: { workspaceId: target.workspace.id, action: 'review.imported' },
      select: { after: true },
    });
    expect(audit.after).toMatchObject({ privileged: 1 });
    const imported = await db().annotation.findMany({
      where: { workspaceId: target.workspace.id },
      select: { articleId: true, note: true, privilegeBasis: true, privilegedById: true },
    });
    const secret = imported.find((annotation) => annotation.note === SECRET_NOTE)!;
    expect(secret).toMatchObject({ privilegeBasis: 'attorney-client', privilegedById: owner });
    const notes = async (userId: string) =>
      (await listArticleAnnotations({ userId, articleId: secret.articleId })).map((annotation) => annotation.note);
    expect(await notes(owner)).toContain(SECRET_NOTE);
    expect(await notes(viewer)).not.toContain(SECRET_NOTE);
  });

  it('leaves a privileged quote out of the quote check, rows and total', async () => {
    const s = await setup();
    const { record } = await getMemberAnnotation({ userId: s.m.owner.id, annotationId: s.open.id });
    await setAnnotationPrivilege({
      userId: s.m.owner.id,
      annotationId: s.open.id,
      basis: 'work product',
      version: record.version,
    });
    // The workspace holds one quote; the comparison itself runs in a worker thread that only a
    // built server starts, so this checks the side that never reaches it.
    expect(await db().annotation.count({ where: { workspaceId: s.team.workspace.id, tag: 'quote' } })).toBe(1);
    for (const userId of withheldFrom(s)) {
      const result = await runQuoteCheck({ userId, slug: s.team.workspace.slug });
      expect([result.rows, result.paging.total]).toEqual([[], 0]);
    }
  });

  it('lists it in the privilege log without its words, for editors and owners only', async () => {
    const s = await setup();
    const log = await loadPrivilegeLog({ userId: s.m.editor.id, slug: s.team.workspace.slug });
    expect(log.entries).toHaveLength(1);
    expect(log.entries[0]).toMatchObject({ tag: 'Finding', basis: 'attorney-client' });
    expect(log.entries[0]!.author).toMatch(/^reviewer/);
    expect(log.entries[0]!.citation).toMatch(/^¶ \d+$/);
    expect(JSON.stringify(log)).not.toContain(QUOTE);
    expect(JSON.stringify(log)).not.toContain(SECRET_NOTE);
    for (const userId of [s.m.reviewer.id, s.m.viewer.id])
      await expect(loadPrivilegeLog({ userId, slug: s.team.workspace.slug })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    await expect(loadPrivilegeLog({ userId: s.outsider.id, slug: s.team.workspace.slug })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('withholds its history entries and live events, and audits marking and unmarking', async () => {
    const s = await setup();
    const slug = s.team.workspace.slug;
    const entriesAbout = async (userId: string) =>
      (await listAuditEvents({ userId, workspaceSlug: slug, filters: {} })).events.filter(
        (event) => event.objectId === s.secret.id || event.objectId === s.comment.id || event.objectId === s.linkId,
      );
    expect((await entriesAbout(s.m.owner.id)).map((event) => event.action)).toEqual([
      'annotation.created',
      'comment.created',
      'link.created',
      'annotation.assigned',
      'annotation.privileged',
    ]);
    for (const userId of withheldFrom(s)) {
      expect(await entriesAbout(userId)).toEqual([]);
      const history = await listAuditEvents({ userId, workspaceSlug: slug, filters: {} });
      expect(JSON.stringify(history)).not.toContain(SECRET_NOTE);
      expect(history.actions).not.toContain('annotation.privileged');
    }
    // The live stream sends the viewer only the notice to drop it, without content.
    const stored = await articleEventsAfter(s.articleId, 0n);
    const viewerWithheld = await withheldAnnotationIds({
      userId: s.m.viewer.id,
      role: 'viewer',
      workspaceId: s.team.workspace.id,
      articleId: s.articleId,
    });
    const live = stored.map(({ toLive }) => toLive('viewer', viewerWithheld)).filter((event) => event !== null);
    const aboutSecret = live.filter((event) => JSON.stringify(event).includes(s.secret.id));
    expect(aboutSecret).toEqual([
      expect.objectContaining({ action: 'annotation.privileged', before: null, after: null }),
    ]);
    expect(JSON.stringify(live)).not.toContain(SECRET_COMMENT);

    // Unmarking brings it all back, and is audited.
    const current = await getMemberAnnotation({ userId: s.m.editor.id, annotationId: s.secret.id });
    await setAnnotationPrivilege({
      userId: s.m.editor.id,
      annotationId: s.secret.id,
      basis: null,
      version: current.record.version,
    });
    expect((await entriesAbout(s.m.viewer.id)).map((event) => event.action)).toContain('annotation.unprivileged');
    expect((await listArticleAnnotations({ userId: s.m.viewer.id, articleId: s.articleId })).length).toBe(2);
  });

  it('keeps a deleted privileged annotation’s earlier entries withheld', async () => {
    const s = await setup();
    await deleteAnnotation({ userId: s.m.editor.id, annotationId: s.secret.id });
    const history = await listAuditEvents({
      userId: s.m.viewer.id,
      workspaceSlug: s.team.workspace.slug,
      filters: {},
    });
    expect(history.events.filter((event) => event.objectId === s.secret.id)).toEqual([]);
    expect(JSON.stringify(history)).not.toContain(SECRET_COMMENT);
  });

  it('lets only the author, editors and owners mark; others get 403, other workspaces 404', async () => {
    const s = await setup();
    const { record } = await getMemberAnnotation({ userId: s.m.owner.id, annotationId: s.open.id });
    const mark = (userId: string) =>
      setAnnotationPrivilege({ userId, annotationId: s.open.id, basis: 'work product', version: record.version });
    await expect(mark(s.reviewerB.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(mark(s.m.viewer.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(mark(s.outsider.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(mark(s.other.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const marked = await mark(s.m.owner.id);
    expect(marked).toMatchObject({ privilegeBasis: 'work product', version: record.version + 1 });
    // A stale version is a conflict, and marking again on the same basis records nothing.
    await expect(mark(s.m.owner.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    const events = await db().auditEvent.count({ where: { objectId: s.open.id, action: 'annotation.privileged' } });
    await setAnnotationPrivilege({
      userId: s.m.owner.id,
      annotationId: s.open.id,
      basis: 'work product',
      version: marked.version,
    });
    expect(await db().auditEvent.count({ where: { objectId: s.open.id, action: 'annotation.privileged' } })).toBe(
      events,
    );
  });
});
