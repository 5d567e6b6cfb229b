import { describe, expect, it } from 'vitest';
import { seedArticles } from '@/prisma/seed/seed-demo';
import { db } from '@/server/db';
import { createAnnotation } from '@/server/data/annotations/create-annotation';
import { updateAnnotation } from '@/server/data/annotations/update-annotation';
import { createComment, deleteComment, listComments, updateComment } from '@/server/data/comments/comments';
import { countUnreadMentions, listInbox, markMentionsRead } from '@/server/data/inbox/inbox';
import { countRows, workspaceWithMembers } from './helpers';

async function thread() {
  const team = await workspaceWithMembers(['owner', 'editor', 'reviewer', 'viewer']);
  const stranger = (await workspaceWithMembers(['owner'])).members.owner!.id;
  const [article] = await seedArticles(db(), { workspaceId: team.workspace.id, authorId: team.members.owner!.id });
  const { record: annotation } = await createAnnotation({
    userId: team.members.reviewer!.id,
    articleId: article!.id,
    input: { tag: 'finding', note: null, position: { start: 0, end: 10 }, exact: null },
  });
  const { owner, editor, reviewer, viewer } = team.members as Record<string, { id: string }>;
  return {
    annotationId: annotation.id,
    owner: owner!.id,
    editor: editor!.id,
    reviewer: reviewer!.id,
    viewer: viewer!.id,
    stranger,
  };
}

describe('comment threads', () => {
  it('lets members with a commenting role reply, and refuses viewers and strangers without writing', async () => {
    const { annotationId, reviewer, editor, viewer, stranger } = await thread();
    await createComment({ userId: reviewer, annotationId, body: 'Source? See https://oig.justice.gov' });
    await createComment({ userId: editor, annotationId, body: 'Checked: it is in the draft.' });
    const before = await countRows();
    await expect(createComment({ userId: viewer, annotationId, body: 'x' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(createComment({ userId: stranger, annotationId, body: 'x' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await countRows()).toEqual(before);
    const comments = await listComments({ userId: viewer, annotationId });
    expect(comments.map((comment) => comment.body)).toEqual([
      'Source? See https://oig.justice.gov',
      'Checked: it is in the draft.',
    ]);
  });

  it('lets only the author edit, refuses a stale edit with 409, and deletes to a marker', async () => {
    const { annotationId, reviewer, owner } = await thread();
    const comment = await createComment({ userId: reviewer, annotationId, body: 'First wording' });
    // Saving the same words changes nothing: not marked edited, no audit entry (checked below), same version.
    const same = await updateComment({ userId: reviewer, commentId: comment.id, body: 'First wording', version: 1 });
    expect(same).toMatchObject({ body: 'First wording', version: 1, editedAt: null });
    await expect(
      updateComment({ userId: owner, commentId: comment.id, body: 'Owner rewrite', version: 1 }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const edited = await updateComment({ userId: reviewer, commentId: comment.id, body: 'Second wording', version: 1 });
    expect(edited).toMatchObject({ body: 'Second wording', version: 2, editedAt: expect.any(String) });
    await expect(
      updateComment({ userId: reviewer, commentId: comment.id, body: 'Late', version: 1 }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    const racing = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) =>
        updateComment({ userId: reviewer, commentId: comment.id, body: `Race ${i}`, version: 2 }),
      ),
    );
    expect(racing.filter((result) => result.status === 'fulfilled')).toHaveLength(1);

    await deleteComment({ userId: reviewer, commentId: comment.id });
    const [marker] = await listComments({ userId: owner, annotationId });
    expect(marker).toMatchObject({ body: '', deletedAt: expect.any(String) });
    const audit = await db().auditEvent.findMany({
      where: { objectId: comment.id },
      orderBy: { id: 'asc' },
      select: { action: true },
    });
    expect(audit.map((event) => event.action)).toEqual([
      'comment.created',
      'comment.edited',
      'comment.edited',
      'comment.deleted',
    ]);
  });

  it('lets the annotation author, editors and owners resolve and reopen, not other reviewers or viewers', async () => {
    const { annotationId, reviewer, editor, viewer } = await thread();
    await expect(
      updateAnnotation({ userId: viewer, annotationId, input: { status: 'resolved' } }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const resolved = await updateAnnotation({ userId: reviewer, annotationId, input: { status: 'resolved' } });
    expect(resolved.status).toBe('resolved');
    const stored = await db().annotation.findUniqueOrThrow({ where: { id: annotationId } });
    expect(stored).toMatchObject({ resolvedById: reviewer, resolvedAt: expect.any(Date) });
    const reopened = await updateAnnotation({ userId: editor, annotationId, input: { status: 'open' } });
    expect(reopened.status).toBe('open');
    const actions = await db().auditEvent.findMany({
      where: { objectId: annotationId },
      orderBy: { id: 'asc' },
      select: { action: true },
    });
    expect(actions.map((event) => event.action)).toEqual([
      'annotation.created',
      'annotation.resolved',
      'annotation.reopened',
    ]);
  });
});

describe('mentions', () => {
  it('records mentions of members for their inbox and refuses mentions of outsiders', async () => {
    const { annotationId, reviewer, editor, stranger } = await thread();
    await expect(
      createComment({ userId: reviewer, annotationId, body: '@Stranger look', mentions: [stranger] }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const comment = await createComment({
      userId: reviewer,
      annotationId,
      body: '@editor please check',
      mentions: [editor, reviewer],
    });
    const mentions = await db().mention.findMany({ where: { commentId: comment.id } });
    expect(mentions.map((mention) => mention.userId)).toEqual([editor]);

    const inbox = await listInbox(editor);
    expect(inbox).toEqual([expect.objectContaining({ body: '@editor please check', readAt: null })]);
    expect(await countUnreadMentions(editor)).toBe(1);
    expect(await markMentionsRead({ userId: reviewer })).toBe(0);
    expect(await markMentionsRead({ userId: editor, ids: [inbox[0]!.id] })).toBe(1);
    expect(await countUnreadMentions(editor)).toBe(0);
  });
});
