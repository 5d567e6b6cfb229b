import 'server-only';
import { describeTextRange } from '@/lib/domain/anchoring/describe-text-range';
import type { AnnotationRecord } from '@/lib/domain/annotations/web-annotation';
import { assertCan } from '@/lib/domain/permissions/permissions';
import { AppError } from '@/lib/errors';
import type { TCreateAnnotation } from '@/lib/validation/annotations';
import { db } from '../../db';
import { uuid7 } from '@/lib/uuid7';
import { getArticleTextForMember } from '../articles/get-article-text-for-member';
import { Prisma } from '../../generated/prisma/client';
import { recordAuditEvent } from '../audit/record-audit-event';
import { annotationRecordSelect, auditSnapshot } from './annotation-record';

const invalid = (message: string, field = 'target.selector') =>
  new AppError('INVALID_INPUT', { userMessage: message, fieldErrors: { [field]: [message] } });

/** Anchors a new annotation to the article's current revision; the server derives the context itself. */
export async function createAnnotation(options: {
  userId: string;
  articleId: string;
  input: TCreateAnnotation;
  /** The client's Idempotency-Key: the same key again returns the first result instead of a duplicate. */
  idempotencyKey?: string;
}): Promise<{ record: AnnotationRecord; replayed: boolean }> {
  const article = await getArticleTextForMember(options);
  assertCan(article.role, 'annotation.create');
  if (options.idempotencyKey) {
    const earlier = await findByIdempotencyKey(options.userId, options.idempotencyKey);
    if (earlier) return { record: assertSameRequest(earlier, options), replayed: true };
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
    idempotencyKey: options.idempotencyKey ?? null,
  };
  const { idempotencyKey: _key, ...recordFields } = data;
  const record: AnnotationRecord = {
    ...recordFields,
    status: 'open',
    reviewStatus: 'open',
    reviewedAt: null,
    reviewedById: null,
    assigneeId: null,
    version: 1,
    author: { id: options.userId, name: article.userName },
  };
  try {
    // A batched transaction: one round trip for the row and its audit event, no interactive session.
    await db().$transaction([
      db().annotation.create({ data, select: { id: true } }),
      recordAuditEvent(db(), {
        workspaceId: article.workspaceId,
        actorId: options.userId,
        action: 'annotation.created',
        objectType: 'annotation',
        objectId: id,
        after: auditSnapshot(record),
      }),
    ]);
  } catch (error) {
    // The same key raced in twice: the other request stored it first, so answer with its result.
    if (options.idempotencyKey && error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const earlier = await findByIdempotencyKey(options.userId, options.idempotencyKey);
      if (earlier) return { record: assertSameRequest(earlier, options), replayed: true };
    }
    throw error;
  }
  return { record, replayed: false };
}

function findByIdempotencyKey(userId: string, idempotencyKey: string): Promise<AnnotationRecord | null> {
  return db().annotation.findUnique({
    where: { authorId_idempotencyKey: { authorId: userId, idempotencyKey } },
    select: annotationRecordSelect,
  });
}

/** A key names one request: reusing it for a different annotation is a client bug, refused loudly. */
function assertSameRequest(
  earlier: AnnotationRecord,
  options: { articleId: string; input: TCreateAnnotation },
): AnnotationRecord {
  const same =
    earlier.articleId === options.articleId &&
    earlier.tag === options.input.tag &&
    (earlier.note ?? null) === (options.input.note ?? null) &&
    earlier.posStart === options.input.position.start &&
    earlier.posEnd === options.input.position.end;
  if (!same) {
    throw new AppError('INVALID_INPUT', {
      userMessage: 'This Idempotency-Key was already used for a different annotation. Use a new key for a new request.',
      fieldErrors: { 'idempotency-key': ['Already used for a different request.'] },
    });
  }
  return earlier;
}
