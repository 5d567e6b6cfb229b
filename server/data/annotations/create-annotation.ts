import 'server-only';
import { describeTextRange } from '@/lib/domain/anchoring/describe-text-range';
import type { AnnotationRecord } from '@/lib/domain/annotations/web-annotation';
import { can } from '@/lib/domain/permissions/permissions';
import { AppError } from '@/lib/errors';
import type { TCreateAnnotation } from '@/lib/validation/annotations';
import { db } from '../../db';
import { uuid7 } from '@/lib/uuid7';
import { getArticleTextForMember } from '../articles/get-article-text-for-member';
import { auditSnapshot } from './annotation-record';

const invalid = (message: string, field = 'target.selector') =>
  new AppError('INVALID_INPUT', { userMessage: message, fieldErrors: { [field]: [message] } });

/** Anchors a new annotation to the article's current revision; the server derives the context itself. */
export async function createAnnotation(options: {
  userId: string;
  articleId: string;
  input: TCreateAnnotation;
}): Promise<AnnotationRecord> {
  const article = await getArticleTextForMember(options);
  if (!can(article.role, 'annotation.create')) {
    throw new AppError('FORBIDDEN', { userMessage: 'Viewers cannot annotate. Ask an owner for the reviewer role.' });
  }
  const { text, revisionId } = article;
  const { start, end } = options.input.position;
  if (end > text.length) {
    throw invalid(`The selector ends at ${end}, past the end of the text (${text.length} characters).`);
  }
  const anchor = describeTextRange(text, start, end);
  if (options.input.exact !== null && options.input.exact !== anchor.quote.exact) {
    throw invalid('The quote does not match the text at that position (the article may have changed: reload it).');
  }
  const id = uuid7();
  const now = new Date();
  const data = {
    id,
    workspaceId: article.workspaceId,
    articleId: article.id,
    revisionId,
    authorId: options.userId,
    tag: options.input.tag,
    note: options.input.note,
    quoteExact: anchor.quote.exact,
    quotePrefix: anchor.quote.prefix,
    quoteSuffix: anchor.quote.suffix,
    posStart: start,
    posEnd: end,
    anchorState: 'exact' as const,
    createdAt: now,
    updatedAt: now,
  };
  const record: AnnotationRecord = {
    ...data,
    status: 'open',
    reviewStatus: 'open',
    reviewedAt: null,
    reviewedById: null,
    assigneeId: null,
    version: 1,
    author: { id: options.userId, name: article.userName },
  };
  // A batched transaction: one round trip for the row and its audit event, no interactive session.
  await db().$transaction([
    db().annotation.create({ data, select: { id: true } }),
    db().auditEvent.create({
      data: {
        workspaceId: article.workspaceId,
        actorId: options.userId,
        action: 'annotation.created',
        objectType: 'annotation',
        objectId: id,
        after: auditSnapshot(record),
      },
      select: { id: true },
    }),
  ]);
  return record;
}
