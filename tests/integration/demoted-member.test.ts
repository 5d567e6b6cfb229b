import { describe, expect, it } from 'vitest';
import { seedArticles } from '@/prisma/seed/seed-demo';
import { db } from '@/server/db';
import { createAnnotation } from '@/server/data/annotations/create-annotation';
import { deleteAnnotation } from '@/server/data/annotations/delete-annotation';
import { updateAnnotation } from '@/server/data/annotations/update-annotation';
import { createComment, deleteComment, listComments, updateComment } from '@/server/data/comments/comments';
import { createLink, deleteLink } from '@/server/data/links/links';
import { changeMemberRole } from '@/server/data/members/members';
import { workspaceWithMembers } from './helpers';

describe('a reviewer demoted to viewer', () => {
  it('can no longer edit or delete their own comments, annotations and links, and is not offered to', async () => {
    const { workspace, members } = await workspaceWithMembers(['owner', 'reviewer']);
    const owner = members.owner!.id;
    const reviewer = members.reviewer!.id;
    const [article] = await seedArticles(db(), { workspaceId: workspace.id, authorId: owner });
    const annotate = async (start: number) =>
      (
        await createAnnotation({
          userId: reviewer,
          articleId: article!.id,
          input: { tag: 'finding', note: 'mine', position: { start, end: start + 5 }, exact: null },
        })
      ).record;
    const annotation = await annotate(0);
    const other = await annotate(10);
    const comment = await createComment({ userId: reviewer, annotationId: annotation.id, body: 'My comment' });
    expect(comment.mayChange).toBe(true);
    const link = await createLink({
      userId: reviewer,
      fromAnnotationId: annotation.id,
      input: { toAnnotationId: other.id, type: 'supports' },
    });

    const membership = await db().membership.findFirstOrThrow({
      where: { workspaceId: workspace.id, userId: reviewer },
    });
    await changeMemberRole({ userId: owner, slug: workspace.slug, membershipId: membership.id, role: 'viewer' });

    const forbidden = { code: 'FORBIDDEN' };
    await expect(
      updateComment({ userId: reviewer, commentId: comment.id, body: 'Rewritten', version: comment.version }),
    ).rejects.toMatchObject(forbidden);
    await expect(deleteComment({ userId: reviewer, commentId: comment.id })).rejects.toMatchObject(forbidden);
    await expect(
      updateAnnotation({ userId: reviewer, annotationId: annotation.id, input: { note: 'x', version: 1 } }),
    ).rejects.toMatchObject(forbidden);
    await expect(deleteAnnotation({ userId: reviewer, annotationId: annotation.id })).rejects.toMatchObject(forbidden);
    await expect(deleteLink({ userId: reviewer, linkId: link.link.id })).rejects.toMatchObject(forbidden);

    const [listed] = await listComments({ userId: reviewer, annotationId: annotation.id });
    expect(listed).toMatchObject({ body: 'My comment', mayChange: false });
    expect(await db().comment.findUniqueOrThrow({ where: { id: comment.id } })).toMatchObject({
      body: 'My comment',
      deletedAt: null,
    });
    expect(await db().annotation.count({ where: { id: annotation.id } })).toBe(1);
  });
});
