import 'server-only';
import type { AnnotationRecord } from '@/lib/domain/annotations/web-annotation';
import { freshEvidence } from '@/lib/domain/evidence/annotation-evidence';
import { assertCan } from '@/lib/domain/permissions/permissions';
import { AppError } from '@/lib/errors';
import type { TCreateAnnotation } from '@/lib/validation/annotations';
import {
  AnnotationRuleError,
  fromPositionInput,
  resolveTarget,
  type PositionAnnotationInput,
  type ResolvedTarget,
} from '@/lib/domain/web-annotation/parse';
import { db } from '../../db';
import { uuid7 } from '@/lib/uuid7';
import { getArticleTextForMember } from '../articles/get-article-text-for-member';
import { Prisma } from '../../generated/prisma/client';
import { anchorNewAnnotation } from '../evidence/anchor-new-annotation';
import { recordAuditEvent } from '../audit/record-audit-event';
import { annotationRecordSelect, auditSnapshot } from './annotation-record';

const invalid = (message: string, field = 'target.selector') =>
  new AppError('INVALID_INPUT', { userMessage: message, fieldErrors: { [field]: [message] } });

/** Anchors a new annotation to the article's current revision (carried over from an older one); the server derives the context itself. */
export async function createAnnotation(options: {
  userId: string;
  articleId: string;
  input: TCreateAnnotation | PositionAnnotationInput;
  /** The client's Idempotency-Key: the same key again returns the first result instead of a duplicate. */
  idempotencyKey?: string;
}): Promise<{ record: AnnotationRecord; replayed: boolean }> {
  const input = fromPositionInput(options.input);
  const article = await getArticleTextForMember(options);
  assertCan(article.role, 'annotation.create');
  if (options.idempotencyKey) {
    const earlier = await findByIdempotencyKey(options.userId, options.idempotencyKey);
    if (earlier) return { record: assertSameRequest(earlier, options.articleId, input, article.text), replayed: true };
  }
  const { text, revisionId } = article;
  // Other tools' selectors (kept, not read) come from the text the client selected on.
  let otherSelectors: ResolvedTarget['otherSelectors'] = [];
  const {
    tagged,
    taggedRevisionId,
    current: anchor,
    state,
  } = await anchorNewAnnotation({
    article,
    revisionId: input.revisionId,
    resolve: (madeOn) => {
      const target = resolveOrRefuse(madeOn, article.id, input);
      otherSelectors = target.otherSelectors;
      return target.range;
    },
  });
  const id = uuid7();
  const now = new Date();
  const data = {
    id,
    workspaceId: article.workspaceId,
    articleId: article.id,
    revisionId,
    authorId: options.userId,
    tag: input.tag,
    note: input.note,
    quoteExact: anchor.quote.exact,
    quotePrefix: anchor.quote.prefix,
    quoteSuffix: anchor.quote.suffix,
    posStart: anchor.position.start,
    posEnd: anchor.position.end,
    anchorState: state,
    ...freshEvidence(tagged, taggedRevisionId),
    createdAt: now,
    updatedAt: now,
    extraSelectors: otherSelectors.length ? (otherSelectors as Prisma.InputJsonArray) : undefined,
    canonical: input.canonical,
    via: input.via,
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
      if (earlier) return { record: assertSameRequest(earlier, options.articleId, input, text), replayed: true };
    }
    throw error;
  }
  return { record, replayed: false };
}

function resolveOrRefuse(text: string, articleId: string, input: TCreateAnnotation): ResolvedTarget {
  try {
    return resolveTarget(text, articleId, input);
  } catch (error) {
    if (error instanceof AnnotationRuleError) throw invalid(error.message, error.field);
    throw error;
  }
}

function findByIdempotencyKey(userId: string, idempotencyKey: string): Promise<AnnotationRecord | null> {
  // privilege: the caller's own annotation, found by their own idempotency key.
  return db().annotation.findUnique({
    where: { authorId_idempotencyKey: { authorId: userId, idempotencyKey } },
    select: annotationRecordSelect,
  });
}

/** A key names one request: reusing it for a different annotation is a client bug, refused loudly. */
function assertSameRequest(
  earlier: AnnotationRecord,
  articleId: string,
  input: TCreateAnnotation,
  text: string,
): AnnotationRecord {
  let range: ResolvedTarget['range'] | null = null;
  try {
    range = resolveTarget(text, articleId, input).range;
  } catch {
    // The text changed since: the key is still the same request when everything else is.
    range = { start: earlier.taggedStart, end: earlier.taggedEnd };
  }
  const same =
    earlier.articleId === articleId &&
    earlier.tag === input.tag &&
    (earlier.note ?? null) === (input.note ?? null) &&
    earlier.taggedStart === range.start &&
    earlier.taggedEnd === range.end;
  if (!same) {
    throw new AppError('INVALID_INPUT', {
      userMessage: 'This Idempotency-Key was already used for a different annotation. Use a new key for a new request.',
      fieldErrors: { 'idempotency-key': ['Already used for a different request.'] },
    });
  }
  return earlier;
}
