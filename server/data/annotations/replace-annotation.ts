import 'server-only';
import { describeTextRange } from '@/lib/domain/anchoring/describe-text-range';
import { ifMatchSatisfied } from '@/lib/domain/web-annotation/http';
import { AnnotationRuleError, resolveTarget } from '@/lib/domain/web-annotation/parse';
import { annotationEtag, type AnnotationRecord } from '@/lib/domain/web-annotation/serialize';
import { AppError } from '@/lib/errors';
import type { TCreateAnnotation } from '@/lib/validation/annotations';
import { db } from '../../db';
import { Prisma } from '../../generated/prisma/client';
import { getArticleTextForMember } from '../articles/get-article-text-for-member';
import { recordAuditEvent } from '../audit/record-audit-event';
import { annotationRecordSelect, auditSnapshot } from './annotation-record';
import { assertMayChange, getMemberAnnotation } from './get-member-annotation';

const preconditionFailed = () =>
  new AppError('PRECONDITION_FAILED', {
    userMessage: 'The annotation changed since you loaded it (ETag differs). Reload it, then try again.',
  });

/**
 * PUT of a whole annotation (Protocol §5.2): tag, note, target and the kept keys (canonical,
 * via, other selectors) are replaced, anchored to the current revision. Thread and review
 * state stay as they are (they change by PATCH). Only with an If-Match that names the current
 * ETag, so a replacement can never undo a change the client did not see.
 */
export async function replaceAnnotation(options: {
  userId: string;
  annotationId: string;
  articleId?: string;
  input: TCreateAnnotation;
  ifMatch: string;
}): Promise<AnnotationRecord> {
  const annotation = await getMemberAnnotation(options);
  assertMayChange(annotation, options.userId);
  const before = annotation.record;
  if (!ifMatchSatisfied(options.ifMatch, annotationEtag(before))) throw preconditionFailed();
  const article = await getArticleTextForMember({ userId: options.userId, articleId: before.articleId });
  let target;
  try {
    target = resolveTarget(article.text, before.articleId, options.input);
  } catch (error) {
    if (!(error instanceof AnnotationRuleError)) throw error;
    throw new AppError('INVALID_INPUT', {
      userMessage: error.message,
      fieldErrors: { [error.field]: [error.message] },
    });
  }
  const anchor = describeTextRange(article.text, target.range.start, target.range.end);
  return db().$transaction(async (tx) => {
    const { count } = await tx.annotation.updateMany({
      where: { id: before.id, version: before.version, updatedAt: before.updatedAt },
      data: {
        tag: options.input.tag,
        note: options.input.note,
        revisionId: article.revisionId,
        quoteExact: anchor.quote.exact,
        quotePrefix: anchor.quote.prefix,
        quoteSuffix: anchor.quote.suffix,
        posStart: anchor.position.start,
        posEnd: anchor.position.end,
        anchorState: 'exact',
        extraSelectors: target.otherSelectors.length ? (target.otherSelectors as Prisma.InputJsonArray) : Prisma.DbNull,
        canonical: options.input.canonical,
        via: options.input.via,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw preconditionFailed();
    // privilege: the row this transaction just changed, read before through getMemberAnnotation (filtered).
    const after = await tx.annotation.findUniqueOrThrow({ where: { id: before.id }, select: annotationRecordSelect });
    await recordAuditEvent(tx, {
      workspaceId: annotation.workspaceId,
      actorId: options.userId,
      action: 'annotation.updated',
      objectType: 'annotation',
      objectId: before.id,
      before: auditSnapshot(before),
      after: auditSnapshot(after),
    });
    return after;
  });
}
