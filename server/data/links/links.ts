import 'server-only';
import type { LinkView } from '@/lib/domain/annotations/link-types';
import { assertCan, can, type Role } from '@/lib/domain/permissions/permissions';
import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/validation/ids';
import type { TCreateLink } from '@/lib/validation/links';
import { db } from '../../db';
import { Prisma } from '../../generated/prisma/client';
import { getMemberArticle } from '../articles/get-member-article';
import { recordAuditEvent } from '../audit/record-audit-event';
import { getMemberAnnotation } from '../annotations/get-member-annotation';
import { visibleAnnotationWhere } from '../privilege/visible-annotations';
import { getMemberWorkspace } from '../workspaces/get-member-workspace';

const otherEndSelect = {
  id: true,
  tag: true,
  quoteExact: true,
  articleId: true,
  article: { select: { title: true } },
} as const;

const linkSelect = {
  id: true,
  type: true,
  createdById: true,
  fromAnnotationId: true,
  toAnnotationId: true,
  from: { select: otherEndSelect },
  to: { select: otherEndSelect },
} as const;

type LinkRow = Prisma.AnnotationLinkGetPayload<{ select: typeof linkSelect }>;
type End = LinkRow['from'];

const otherEnd = (end: End) => ({
  id: end.id,
  tag: end.tag,
  exact: end.quoteExact,
  articleId: end.articleId,
  articleTitle: end.article.title,
});

/** Who may remove a link: whoever made it (while their role writes), and editors and owners. */
function mayDelete(role: Role, userId: string, createdById: string | null) {
  return can(role, 'link.delete', { ownerId: createdById, userId });
}

/** Links the annotation `fromAnnotationId` to another of the same workspace; reviewers and up. */
export async function createLink(options: { userId: string; fromAnnotationId: string; input: TCreateLink }) {
  const from = await getMemberAnnotation({ userId: options.userId, annotationId: options.fromAnnotationId });
  assertCan(from.role, 'link.create');
  if (options.input.toAnnotationId === from.record.id) {
    throw new AppError('INVALID_INPUT', { userMessage: 'An annotation cannot be linked to itself.' });
  }
  const to = await db().annotation.findFirst({
    where: {
      id: options.input.toAnnotationId,
      workspaceId: from.workspaceId,
      AND: [visibleAnnotationWhere(options.userId)],
    },
    select: { id: true, articleId: true },
  });
  if (!to) {
    throw new AppError('NOT_FOUND', {
      userMessage: 'The annotation to link to does not exist in this workspace.',
      fieldErrors: { toAnnotationId: ['No such annotation in this workspace.'] },
    });
  }
  try {
    return await db().$transaction(async (tx) => {
      const link = await tx.annotationLink.create({
        data: {
          workspaceId: from.workspaceId,
          fromAnnotationId: from.record.id,
          toAnnotationId: to.id,
          type: options.input.type,
          createdById: options.userId,
        },
        select: linkSelect,
      });
      await recordAuditEvent(tx, {
        workspaceId: from.workspaceId,
        actorId: options.userId,
        action: 'link.created',
        objectType: 'annotation_link',
        objectId: link.id,
        after: {
          type: link.type,
          articleId: from.record.articleId,
          fromAnnotationId: from.record.id,
          toAnnotationId: to.id,
          toArticleId: to.articleId,
        },
      });
      // Both ends as the cards show them, so a page holding both can update at once.
      return { link: toView(link, from.record.id, true), backlink: toView(link, to.id, true) };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new AppError('CONFLICT', { userMessage: 'These annotations are already linked this way.' });
    }
    throw error;
  }
}

function toView(link: LinkRow, viewedFrom: string, canDelete: boolean): LinkView {
  const outgoing = link.fromAnnotationId === viewedFrom;
  return {
    id: link.id,
    type: link.type,
    direction: outgoing ? 'outgoing' : 'incoming',
    other: otherEnd(outgoing ? link.to : link.from),
    createdBy: link.createdById,
    canDelete,
  };
}

/** Every link touching an annotation of the article, as seen from each of its annotations (both ends). */
export async function listArticleLinks(options: {
  userId: string;
  articleId: string;
}): Promise<Record<string, LinkView[]>> {
  const article = await getMemberArticle(options);
  const links = await db().annotationLink.findMany({
    where: {
      OR: [{ from: { articleId: article.id } }, { to: { articleId: article.id } }],
      // Neither end may be a privileged annotation the reader may not see.
      from: visibleAnnotationWhere(options.userId),
      to: visibleAnnotationWhere(options.userId),
    },
    orderBy: { createdAt: 'asc' },
    select: linkSelect,
  });
  const byAnnotation: Record<string, LinkView[]> = {};
  for (const link of links) {
    const canDelete = mayDelete(article.role, options.userId, link.createdById);
    if (link.from.articleId === article.id) {
      (byAnnotation[link.fromAnnotationId] ??= []).push(toView(link, link.fromAnnotationId, canDelete));
    }
    if (link.to.articleId === article.id) {
      (byAnnotation[link.toAnnotationId] ??= []).push(toView(link, link.toAnnotationId, canDelete));
    }
  }
  return byAnnotation;
}

/** Removes a link; its creator, editors and owners. */
export async function deleteLink(options: { userId: string; linkId: string }): Promise<void> {
  const notFound = new AppError('NOT_FOUND', { userMessage: 'This link does not exist or you cannot see it.' });
  if (!isUuid(options.linkId)) throw notFound;
  const link = await db().annotationLink.findFirst({
    where: {
      id: options.linkId,
      workspace: { memberships: { some: { userId: options.userId } } },
      from: visibleAnnotationWhere(options.userId),
      to: visibleAnnotationWhere(options.userId),
    },
    select: {
      ...linkSelect,
      workspaceId: true,
      workspace: { select: { memberships: { where: { userId: options.userId }, select: { role: true } } } },
    },
  });
  const role = link?.workspace.memberships[0]?.role;
  if (!link || !role) throw notFound;
  assertCan(role, 'link.delete', { ownerId: link.createdById, userId: options.userId });
  await db().$transaction(async (tx) => {
    await tx.annotationLink.delete({ where: { id: link.id } });
    await recordAuditEvent(tx, {
      workspaceId: link.workspaceId,
      actorId: options.userId,
      action: 'link.deleted',
      objectType: 'annotation_link',
      objectId: link.id,
      before: {
        type: link.type,
        articleId: link.from.articleId,
        fromAnnotationId: link.fromAnnotationId,
        toAnnotationId: link.toAnnotationId,
        toArticleId: link.to.articleId,
      },
    });
  });
}

export type AnnotationSearchHit = {
  id: string;
  tag: string;
  exact: string;
  note: string | null;
  articleId: string;
  articleTitle: string;
};

/** Annotations of the workspace whose quote or note contains the words, for picking the other end of a link. */
export async function searchWorkspaceAnnotations(options: {
  userId: string;
  slug: string;
  q: string;
  exclude?: string;
}): Promise<AnnotationSearchHit[]> {
  const workspace = await getMemberWorkspace({ userId: options.userId, slug: options.slug });
  const words = options.q.split(/\s+/).filter(Boolean).slice(0, 8);
  const found = await db().annotation.findMany({
    where: {
      workspaceId: workspace.id,
      ...(options.exclude ? { id: { not: options.exclude } } : {}),
      AND: [
        visibleAnnotationWhere(options.userId),
        ...words.map((word) => ({
          OR: [
            { quoteExact: { contains: word, mode: 'insensitive' as const } },
            { note: { contains: word, mode: 'insensitive' as const } },
            { article: { title: { contains: word, mode: 'insensitive' as const } } },
          ],
        })),
      ],
    },
    orderBy: { createdAt: 'desc' },
    take: 20,
    select: {
      id: true,
      tag: true,
      quoteExact: true,
      note: true,
      articleId: true,
      article: { select: { title: true } },
    },
  });
  return found.map((hit) => ({
    id: hit.id,
    tag: hit.tag,
    exact: hit.quoteExact,
    note: hit.note,
    articleId: hit.articleId,
    articleTitle: hit.article.title,
  }));
}
