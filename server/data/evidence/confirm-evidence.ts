import 'server-only';
import { describeTextRange } from '@/lib/domain/anchoring/describe-text-range';
import type { Anchor } from '@/lib/domain/anchoring/types';
import type { AnnotationRecord } from '@/lib/domain/annotations/web-annotation';
import { mayConfirmEvidence } from '@/lib/domain/evidence/may-confirm';
import { AppError } from '@/lib/errors';
import type { TConfirmAnnotation, TReanchorAnnotation } from '@/lib/validation/evidence';
import { db } from '../../db';
import { recordAuditEvent } from '../audit/record-audit-event';
import { annotationRecordSelect, auditSnapshot } from '../annotations/annotation-record';
import { getMemberAnnotation, type MemberAnnotation } from '../annotations/get-member-annotation';

const stale = () =>
  new AppError('CONFLICT', {
    userMessage: 'Someone changed this annotation since you loaded it. Reload to see their change, then try again.',
  });

function authorize(annotation: MemberAnnotation, userId: string) {
  const allowed = mayConfirmEvidence({
    role: annotation.role,
    isAuthor: annotation.record.author?.id === userId,
    reviewStatus: annotation.record.reviewStatus,
  });
  if (!allowed) {
    throw new AppError('FORBIDDEN', {
      userMessage:
        'Only editors and owners can confirm or re-anchor an annotation with a verdict; authors can for their own open annotations.',
    });
  }
}

/** Makes `anchor` the annotation's words as confirmed and its current anchor, state exact, in one audited write. */
async function confirmOn(options: {
  annotation: MemberAnnotation;
  userId: string;
  version: number;
  revisionId: string;
  anchor: Anchor;
  action: 'annotation.confirmed' | 'annotation.reanchored';
}): Promise<AnnotationRecord> {
  const before = options.annotation.record;
  if (options.version !== before.version) throw stale();
  const { quote, position } = options.anchor;
  return db().$transaction(async (tx) => {
    const { count } = await tx.annotation.updateMany({
      where: { id: before.id, version: before.version },
      data: {
        revisionId: options.revisionId,
        quoteExact: quote.exact,
        quotePrefix: quote.prefix,
        quoteSuffix: quote.suffix,
        posStart: position.start,
        posEnd: position.end,
        anchorState: 'exact',
        confirmedExact: quote.exact,
        confirmedPrefix: quote.prefix,
        confirmedSuffix: quote.suffix,
        confirmedAt: new Date(),
        confirmedById: options.userId,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw stale();
    // privilege: the row this transaction just changed, read before through getMemberAnnotation (filtered).
    const after = await tx.annotation.findUniqueOrThrow({ where: { id: before.id }, select: annotationRecordSelect });
    await recordAuditEvent(tx, {
      workspaceId: options.annotation.workspaceId,
      actorId: options.userId,
      action: options.action,
      objectType: 'annotation',
      objectId: before.id,
      before: { ...auditSnapshot(before), wordsBefore: before.quoteExact },
      after: { ...auditSnapshot(after), wordsAfter: after.quoteExact },
    });
    return after;
  });
}

/** Re-confirms a changed annotation on the words it now stands on (they become its words as confirmed). */
export async function confirmEvidence(options: {
  userId: string;
  annotationId: string;
  input: TConfirmAnnotation;
}): Promise<AnnotationRecord> {
  const annotation = await getMemberAnnotation(options);
  authorize(annotation, options.userId);
  const { record } = annotation;
  if (record.anchorState !== 'changed') {
    throw new AppError('CONFLICT', {
      userMessage:
        record.anchorState === 'orphaned'
          ? 'The words of this annotation are gone: select the new passage and re-anchor it there.'
          : 'Only an annotation whose words changed needs re-confirming.',
    });
  }
  return confirmOn({
    annotation,
    userId: options.userId,
    version: options.input.version,
    revisionId: record.revisionId,
    anchor: {
      quote: { exact: record.quoteExact, prefix: record.quotePrefix, suffix: record.quoteSuffix },
      position: { start: record.posStart, end: record.posEnd },
    },
    action: 'annotation.confirmed',
  });
}

/** "Re-anchor here": moves the annotation (also an orphan) to a passage selected on the current revision. */
export async function reanchorEvidence(options: {
  userId: string;
  annotationId: string;
  input: TReanchorAnnotation;
}): Promise<AnnotationRecord> {
  const annotation = await getMemberAnnotation(options);
  authorize(annotation, options.userId);
  const current = await db().articleRevision.findFirst({
    where: { articleId: annotation.record.articleId },
    orderBy: { number: 'desc' },
    select: { id: true, text: true },
  });
  const { input } = options;
  if (!current || current.id !== input.revisionId) {
    throw new AppError('CONFLICT', {
      userMessage: 'The article was revised since you loaded it. Reload it and select the passage again.',
    });
  }
  const invalid = (message: string) =>
    new AppError('INVALID_INPUT', { userMessage: message, fieldErrors: { end: [message] } });
  if (input.end > current.text.length) throw invalid('The selection ends past the end of the text.');
  const anchor = describeTextRange(current.text, input.start, input.end);
  if (anchor.quote.exact !== input.exact) throw invalid('The selection does not match the text at that position.');
  return confirmOn({
    annotation,
    userId: options.userId,
    version: input.version,
    revisionId: current.id,
    anchor,
    action: 'annotation.reanchored',
  });
}
