import 'server-only';
import type { CommentView } from '@/lib/domain/comments/comment-view';
import { assertCan, can, type Role } from '@/lib/domain/permissions/permissions';
import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/validation/ids';
import { db } from '../../db';
import { recordAuditEvent } from '../audit/record-audit-event';
import { getMemberAnnotation } from '../annotations/get-member-annotation';
import { workspaceMemberLabels } from '../people/workspace-member-labels';
import { notifyMentions } from '../notifications/notify';
import { visibleAnnotationWhere } from '../privilege/visible-annotations';

const commentSelect = {
  id: true,
  body: true,
  version: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  author: { select: { id: true, name: true } },
} as const;

type CommentRow = {
  id: string;
  body: string;
  version: number;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  author: { id: string; name: string } | null;
};

function toView(row: CommentRow, viewer: { userId: string; role: Role }): CommentView {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    deletedAt: row.deletedAt?.toISOString() ?? null,
    mayChange:
      !row.deletedAt && can(viewer.role, 'comment.update', { ownerId: row.author?.id ?? null, userId: viewer.userId }),
  };
}

/** The annotation's thread, oldest first; deleted comments stay as markers without their text. */
export async function listComments(options: { userId: string; annotationId: string }): Promise<CommentView[]> {
  const annotation = await getMemberAnnotation(options);
  // privilege: the thread of an annotation getMemberAnnotation (filtered) let this user read.
  const rows = await db().comment.findMany({
    where: { annotationId: annotation.record.id },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: commentSelect,
  });
  // Two members with the same name must not read as one person in a thread.
  const labels = await workspaceMemberLabels(annotation.workspaceId);
  return rows.map((row) =>
    toView(
      row.author ? { ...row, author: { ...row.author, name: labels.get(row.author.id) ?? row.author.name } } : row,
      { userId: options.userId, role: annotation.role },
    ),
  );
}

export async function createComment(options: {
  userId: string;
  annotationId: string;
  body: string;
  mentions?: string[];
}): Promise<CommentView> {
  const annotation = await getMemberAnnotation(options);
  assertCan(annotation.role, 'comment.create');
  const mentioned = [...new Set(options.mentions ?? [])].filter((id) => id !== options.userId);
  if (mentioned.length) {
    const members = await db().membership.count({
      where: { workspaceId: annotation.workspaceId, userId: { in: mentioned } },
    });
    if (members !== mentioned.length) {
      throw new AppError('INVALID_INPUT', {
        userMessage: 'You can only mention members of this workspace.',
        fieldErrors: { mentions: ['You can only mention members of this workspace.'] },
      });
    }
  }
  return db().$transaction(async (tx) => {
    const row = await tx.comment.create({
      data: { annotationId: annotation.record.id, authorId: options.userId, body: options.body },
      select: commentSelect,
    });
    if (mentioned.length) {
      await tx.mention.createMany({
        data: mentioned.map((userId) => ({ commentId: row.id, userId, workspaceId: annotation.workspaceId })),
      });
      await notifyMentions(tx, {
        annotationId: annotation.record.id,
        articleId: annotation.record.articleId,
        workspaceId: annotation.workspaceId,
        quote: annotation.record.quoteExact,
        authorId: options.userId,
        body: row.body,
        mentionedIds: mentioned,
      });
    }
    await recordAuditEvent(tx, {
      workspaceId: annotation.workspaceId,
      actorId: options.userId,
      action: 'comment.created',
      objectType: 'comment',
      objectId: row.id,
      after: {
        annotationId: annotation.record.id,
        articleId: annotation.record.articleId,
        quote: annotation.record.quoteExact,
        body: row.body,
        mentions: mentioned,
      },
    });
    return toView(row, { userId: options.userId, role: annotation.role });
  });
}

/** A comment its author may change: in a workspace they still belong to, with a role that writes, not deleted. */
async function ownComment(userId: string, commentId: string, action: 'comment.update' | 'comment.delete') {
  const notFound = new AppError('NOT_FOUND', { userMessage: 'This comment does not exist or you cannot see it.' });
  if (!isUuid(commentId)) throw notFound;
  const comment = await db().comment.findFirst({
    where: {
      id: commentId,
      annotation: { workspace: { memberships: { some: { userId } } }, AND: [visibleAnnotationWhere(userId)] },
    },
    select: {
      id: true,
      authorId: true,
      body: true,
      version: true,
      deletedAt: true,
      annotation: {
        select: {
          id: true,
          articleId: true,
          workspaceId: true,
          quoteExact: true,
          workspace: { select: { memberships: { where: { userId }, select: { role: true } } } },
        },
      },
    },
  });
  const role = comment?.annotation.workspace.memberships[0]?.role;
  if (!comment || !role) throw notFound;
  assertCan(role, action, { ownerId: comment.authorId, userId });
  if (comment.deletedAt) throw new AppError('CONFLICT', { userMessage: 'This comment was deleted.' });
  return { ...comment, role };
}

const staleComment = () =>
  new AppError('CONFLICT', {
    userMessage: 'This comment changed since you opened it. Reload the thread, then edit again.',
  });

export async function updateComment(options: {
  userId: string;
  commentId: string;
  body: string;
  version: number;
}): Promise<CommentView> {
  const comment = await ownComment(options.userId, options.commentId, 'comment.update');
  if (comment.version !== options.version) throw staleComment();
  // Saving the same words is not an edit: no "edited" mark, no audit entry, no version bump.
  if (options.body === comment.body) {
    const unchanged = await db().comment.findUniqueOrThrow({ where: { id: comment.id }, select: commentSelect });
    return toView(unchanged, { userId: options.userId, role: comment.role });
  }
  return db().$transaction(async (tx) => {
    const { count } = await tx.comment.updateMany({
      where: { id: comment.id, version: options.version, deletedAt: null },
      data: { body: options.body, editedAt: new Date(), version: { increment: 1 } },
    });
    if (count === 0) throw staleComment();
    await recordAuditEvent(tx, {
      workspaceId: comment.annotation.workspaceId,
      actorId: options.userId,
      action: 'comment.edited',
      objectType: 'comment',
      objectId: comment.id,
      before: { body: comment.body, version: comment.version },
      after: {
        annotationId: comment.annotation.id,
        body: options.body,
        version: comment.version + 1,
        articleId: comment.annotation.articleId,
        quote: comment.annotation.quoteExact,
      },
    });
    return toView(await tx.comment.findUniqueOrThrow({ where: { id: comment.id }, select: commentSelect }), {
      userId: options.userId,
      role: comment.role,
    });
  });
}

/** Removes the text but keeps a marker, so the thread still shows that something was said and withdrawn. */
export async function deleteComment(options: { userId: string; commentId: string }): Promise<void> {
  const comment = await ownComment(options.userId, options.commentId, 'comment.delete');
  await db().$transaction(async (tx) => {
    await tx.comment.update({
      where: { id: comment.id },
      data: { body: '', deletedAt: new Date(), version: { increment: 1 } },
    });
    await recordAuditEvent(tx, {
      workspaceId: comment.annotation.workspaceId,
      actorId: options.userId,
      action: 'comment.deleted',
      objectType: 'comment',
      objectId: comment.id,
      before: {
        annotationId: comment.annotation.id,
        body: comment.body,
        articleId: comment.annotation.articleId,
        quote: comment.annotation.quoteExact,
      },
    });
  });
}
