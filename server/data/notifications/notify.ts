import 'server-only';
import { passageHref } from '@/lib/domain/annotations/passage-href';
import { assignmentMail, mentionMail } from '@/lib/domain/mail/workspace-mails';
import type { Prisma } from '../../generated/prisma/client';
import { queueMail } from '../../jobs/mail-jobs';
import { appUrl } from '../../mail/app-url';
import { visibleAnnotationWhere } from '../privilege/visible-annotations';

type Tx = Prisma.TransactionClient;

type Passage = { annotationId: string; articleId: string; workspaceId: string; quote: string };

async function passageContext(tx: Tx, passage: Passage, actorId: string) {
  const [article, actor] = await Promise.all([
    tx.article.findUniqueOrThrow({
      where: { id: passage.articleId },
      select: { title: true, workspace: { select: { slug: true } } },
    }),
    tx.user.findUniqueOrThrow({ where: { id: actorId }, select: { name: true } }),
  ]);
  return {
    articleTitle: article.title,
    actorName: actor.name,
    url: appUrl(passageHref(article.workspace.slug, passage.articleId, passage.annotationId)),
  };
}

/** Of `userIds`, those who may read the annotation: nobody is mailed a privileged note they may not read. */
async function readersOf(tx: Tx, annotationId: string, userIds: string[]): Promise<string[]> {
  const readers: string[] = [];
  for (const userId of userIds) {
    const visible = await tx.annotation.count({ where: { id: annotationId, AND: [visibleAnnotationWhere(userId)] } });
    if (visible) readers.push(userId);
  }
  return readers;
}

/** Mails each mentioned member who may read the thread a link to the passage (in the comment's own transaction). */
export async function notifyMentions(
  tx: Tx,
  input: Passage & { authorId: string; body: string; mentionedIds: string[] },
): Promise<void> {
  if (input.mentionedIds.length === 0) return;
  const context = await passageContext(tx, input, input.authorId);
  const people = await tx.user.findMany({
    where: { id: { in: await readersOf(tx, input.annotationId, input.mentionedIds) } },
    select: { id: true, email: true },
  });
  const mail = mentionMail({
    authorName: context.actorName,
    articleTitle: context.articleTitle,
    quote: input.quote,
    comment: input.body,
    url: context.url,
  });
  for (const person of people) {
    await queueMail(tx, { kind: 'mention', to: person.email, requestedById: input.authorId, ...mail });
  }
}

/**
 * Puts the assignment in the assignee's inbox and mails them a link to the passage. Assigning
 * yourself notifies nobody.
 */
export async function notifyAssignment(
  tx: Tx,
  input: Passage & { assigneeId: string; assignerId: string; tag: string },
): Promise<void> {
  if (input.assigneeId === input.assignerId) return;
  if (!(await readersOf(tx, input.annotationId, [input.assigneeId])).length) return;
  const context = await passageContext(tx, input, input.assignerId);
  const assignee = await tx.user.findUniqueOrThrow({ where: { id: input.assigneeId }, select: { email: true } });
  await tx.assignmentNotice.create({
    data: {
      annotationId: input.annotationId,
      userId: input.assigneeId,
      workspaceId: input.workspaceId,
      assignedById: input.assignerId,
    },
  });
  const mail = assignmentMail({
    assignerName: context.actorName,
    articleTitle: context.articleTitle,
    quote: input.quote,
    tag: input.tag,
    url: context.url,
  });
  await queueMail(tx, { kind: 'assignment', to: assignee.email, requestedById: input.assignerId, ...mail });
}
