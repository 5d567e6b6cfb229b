import { describe, expect, it } from 'vitest';
import { seedArticles } from '@/prisma/seed/seed-demo';
import { db } from '@/server/db';
import { createAnnotation } from '@/server/data/annotations/create-annotation';
import { listAuditEvents } from '@/server/data/audit/list-audit-events';
import { createComment, deleteComment } from '@/server/data/comments/comments';
import { createInvitation } from '@/server/data/members/members';
import { openArticleStream } from '@/server/live/open-article-stream';
import { uniqueEmail, workspaceWithMembers } from './helpers';

const SECRET = 'Privileged: the source is the deputy';

async function trail() {
  const { workspace, members } = await workspaceWithMembers(['owner', 'editor', 'reviewer', 'viewer']);
  const [article] = await seedArticles(db(), { workspaceId: workspace.id, authorId: members.owner!.id });
  const reviewer = members.reviewer!.id;
  const { record } = await createAnnotation({
    userId: reviewer,
    articleId: article!.id,
    input: { tag: 'finding', note: null, position: { start: 0, end: 10 }, exact: null },
  });
  const comment = await createComment({ userId: reviewer, annotationId: record.id, body: SECRET });
  await deleteComment({ userId: reviewer, commentId: comment.id });
  const email = uniqueEmail('invitee');
  await createInvitation({ userId: members.owner!.id, slug: workspace.slug, input: { email, role: 'owner' } });
  return { workspace, members, articleId: article!.id, email };
}

/** Everything a stream opened before the trail would deliver, read with ?once=1 from the start. */
async function streamed(user: { id: string; name: string }, articleId: string, from: string) {
  const stream = await openArticleStream({
    user,
    articleId,
    resumeFrom: from,
    once: true,
    signal: new AbortController().signal,
  });
  return new Response(stream).text();
}

describe('audit trail redaction by role', () => {
  it('shows owners everything, and others neither deleted comments’ text nor invitees’ details', async () => {
    const { workspace, members, articleId, email } = await trail();
    for (const role of ['owner', 'editor', 'reviewer', 'viewer'] as const) {
      const { events } = await listAuditEvents({
        userId: members[role]!.id,
        workspaceSlug: workspace.slug,
        filters: {},
      });
      const text = JSON.stringify(events);
      expect(events.map((event) => event.action)).toEqual(
        expect.arrayContaining(['comment.created', 'comment.deleted', 'invitation.created']),
      );
      const deleted = events.find((event) => event.action === 'comment.deleted');
      expect(text.split(SECRET).length - 1, role).toBe(role === 'owner' ? 2 : 1); // created + deleted, or created only
      expect(deleted?.action === 'comment.deleted' && deleted.before.body).toBe(role === 'owner' ? SECRET : null);
      expect(text.includes(email), role).toBe(role === 'owner');
      // Ids are cursors, not the log's global sequence.
      expect(events.every((event) => !/^\d+$/.test(event.id))).toBe(true);
    }

    // The article's own history selects on the articleId column, and so does the live stream.
    const { events: articleEvents } = await listAuditEvents({
      userId: members.viewer!.id,
      workspaceSlug: workspace.slug,
      filters: { articleId },
    });
    expect(articleEvents.map((event) => event.action)).toEqual([
      'article.created',
      'annotation.created',
      'comment.created',
      'comment.deleted',
    ]);
    const before = articleEvents[0]!.id;
    const asViewer = await streamed({ id: members.viewer!.id, name: 'viewer' }, articleId, before);
    const asOwner = await streamed({ id: members.owner!.id, name: 'owner' }, articleId, before);
    expect(asViewer).toContain('comment.deleted');
    expect(asViewer.split(SECRET).length - 1).toBe(1);
    expect(asOwner.split(SECRET).length - 1).toBe(2);
  });

  it('keeps the article of every article-scoped event in its own column', async () => {
    const { workspace, articleId } = await trail();
    const rows = await db().auditEvent.findMany({ where: { workspaceId: workspace.id }, orderBy: { id: 'asc' } });
    const threadRows = rows.filter((row) => row.objectType === 'annotation' || row.objectType === 'comment');
    expect(threadRows).toHaveLength(3);
    expect(threadRows.every((row) => row.articleId === articleId)).toBe(true);
    const articleRows = rows.filter((row) => row.objectType === 'article');
    expect(articleRows.length).toBeGreaterThan(0);
    expect(articleRows.every((row) => row.articleId === row.objectId)).toBe(true);
    expect(rows.find((row) => row.action === 'invitation.created')?.articleId).toBeNull();
  });
});
