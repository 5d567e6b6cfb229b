import 'server-only';
import { cache } from 'react';
import type { InboxItem } from '@/lib/domain/comments/inbox-item';
import { isUuid } from '@/lib/validation/ids';
import { db } from '../../db';

/** Mentions of the user in workspaces they still belong to, newest first. */
export async function listInbox(userId: string): Promise<InboxItem[]> {
  const mentions = await db().mention.findMany({
    where: { userId, comment: { annotation: { workspace: { memberships: { some: { userId } } } } } },
    orderBy: { createdAt: 'desc' },
    take: 200,
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
      readAt: mention.readAt?.toISOString() ?? null,
      createdAt: mention.createdAt.toISOString(),
      author: comment.author?.name ?? 'Former member',
      body: comment.deletedAt ? '' : comment.body,
      deleted: Boolean(comment.deletedAt),
      quote: comment.annotation.quoteExact,
      articleTitle: article.title,
      href: `/w/${article.workspace.slug}/articles/${article.id}`,
    };
  });
}

/** For the header badge; memoised per request. */
export const countUnreadMentions = cache(async (userId: string): Promise<number> =>
  db().mention.count({
    where: { userId, readAt: null, comment: { annotation: { workspace: { memberships: { some: { userId } } } } } },
  }),
);

/** Marks the given mentions (or all) read; only the user's own. */
export async function markMentionsRead(options: { userId: string; ids?: string[] }): Promise<number> {
  const ids = options.ids?.filter(isUuid);
  const { count } = await db().mention.updateMany({
    where: { userId: options.userId, readAt: null, ...(ids ? { id: { in: ids } } : {}) },
    data: { readAt: new Date() },
  });
  return count;
}
