import 'server-only';
import { cache } from 'react';
import { passageHref } from '@/lib/domain/annotations/passage-href';
import type { InboxItem } from '@/lib/domain/comments/inbox-item';
import { isUuid } from '@/lib/validation/ids';
import { db } from '../../db';
import { visibleAnnotationWhere } from '../privilege/visible-annotations';

const INBOX_LIMIT = 200;

/** Annotations assigned to the user in workspaces they still belong to (and may read), newest first. */
async function listAssignments(userId: string): Promise<InboxItem[]> {
  const notices = await db().assignmentNotice.findMany({
    where: {
      userId,
      annotation: { workspace: { memberships: { some: { userId } } }, AND: [visibleAnnotationWhere(userId)] },
    },
    orderBy: { createdAt: 'desc' },
    take: INBOX_LIMIT,
    select: {
      id: true,
      readAt: true,
      createdAt: true,
      assignedById: true,
      annotation: {
        select: {
          id: true,
          quoteExact: true,
          article: { select: { id: true, title: true, workspace: { select: { slug: true } } } },
        },
      },
    },
  });
  const assignerIds = [...new Set(notices.flatMap((notice) => (notice.assignedById ? [notice.assignedById] : [])))];
  const assigners = new Map(
    (await db().user.findMany({ where: { id: { in: assignerIds } }, select: { id: true, name: true } })).map((u) => [
      u.id,
      u.name,
    ]),
  );
  return notices.map((notice) => {
    const { annotation } = notice;
    return {
      id: notice.id,
      kind: 'assignment',
      readAt: notice.readAt?.toISOString() ?? null,
      createdAt: notice.createdAt.toISOString(),
      author: (notice.assignedById && assigners.get(notice.assignedById)) || 'Former member',
      body: '',
      deleted: false,
      quote: annotation.quoteExact,
      articleTitle: annotation.article.title,
      href: passageHref(annotation.article.workspace.slug, annotation.article.id, annotation.id),
    };
  });
}

/** Mentions of the user and annotations assigned to them, in workspaces they still belong to, newest first. */
export async function listInbox(userId: string): Promise<InboxItem[]> {
  const [mentionItems, assignmentItems] = await Promise.all([listMentions(userId), listAssignments(userId)]);
  return [...mentionItems, ...assignmentItems]
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
    .slice(0, INBOX_LIMIT);
}

async function listMentions(userId: string): Promise<InboxItem[]> {
  const mentions = await db().mention.findMany({
    where: {
      userId,
      comment: {
        annotation: { workspace: { memberships: { some: { userId } } }, AND: [visibleAnnotationWhere(userId)] },
      },
    },
    orderBy: { createdAt: 'desc' },
    take: INBOX_LIMIT,
    select: {
      id: true,
      readAt: true,
      createdAt: true,
      comment: {
        select: {
          body: true,
          deletedAt: true,
          author: { select: { name: true } },
          annotation: {
            select: {
              id: true,
              quoteExact: true,
              article: { select: { id: true, title: true, workspace: { select: { slug: true } } } },
            },
          },
        },
      },
    },
  });
  return mentions.map((mention) => {
    const { comment } = mention;
    const { article } = comment.annotation;
    return {
      id: mention.id,
      kind: 'mention' as const,
      readAt: mention.readAt?.toISOString() ?? null,
      createdAt: mention.createdAt.toISOString(),
      author: comment.author?.name ?? 'Former member',
      body: comment.deletedAt ? '' : comment.body,
      deleted: Boolean(comment.deletedAt),
      quote: comment.annotation.quoteExact,
      articleTitle: article.title,
      href: passageHref(article.workspace.slug, article.id, comment.annotation.id),
    };
  });
}

/** For the header badge (unread mentions and assignments); memoised per request. */
export const countUnreadMentions = cache(async (userId: string): Promise<number> => {
  const member = { workspace: { memberships: { some: { userId } } }, AND: [visibleAnnotationWhere(userId)] };
  const [mentions, assignments] = await Promise.all([
    db().mention.count({ where: { userId, readAt: null, comment: { annotation: member } } }),
    db().assignmentNotice.count({ where: { userId, readAt: null, annotation: member } }),
  ]);
  return mentions + assignments;
});

/** Marks the given inbox items (mentions or assignments), or all, read; only the user's own. */
export async function markMentionsRead(options: { userId: string; ids?: string[] }): Promise<number> {
  const ids = options.ids?.filter(isUuid);
  const where = { userId: options.userId, readAt: null, ...(ids ? { id: { in: ids } } : {}) };
  const data = { readAt: new Date() };
  const [mentions, assignments] = await db().$transaction([
    db().mention.updateMany({ where, data }),
    db().assignmentNotice.updateMany({ where, data }),
  ]);
  return mentions.count + assignments.count;
}
