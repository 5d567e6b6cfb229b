import 'server-only';
import { describeTextRange } from '@/lib/domain/anchoring/describe-text-range';
import type { AnnotationRecord } from '@/lib/domain/annotations/web-annotation';
import { can } from '@/lib/domain/permissions/permissions';
import { AppError } from '@/lib/errors';
import type { TCreateAnnotation } from '@/lib/validation/annotations';
import { db } from '../../db';
import { getMemberArticle } from '../articles/get-member-article';
import { recordAuditEvent } from '../audit/record-audit-event';
import { annotationRecordSelect, auditSnapshot } from './annotation-record';

const invalid = (message: string, field = 'target.selector') =>
  new AppError('INVALID_INPUT', { userMessage: message, fieldErrors: { [field]: [message] } });

/** Anchors a new annotation to the article's current revision; the server derives the context itself. */
export async function createAnnotation(options: {
  userId: string;
  articleId: string;
  input: TCreateAnnotation;
}): Promise<AnnotationRecord> {
  const article = await getMemberArticle(options);
  if (!can(article.role, 'annotation.create')) {
    throw new AppError('FORBIDDEN', { userMessage: 'Viewers cannot annotate. Ask an owner for the reviewer role.' });
  }
  const { text, id: revisionId } = article.revision;
  const { start, end } = options.input.position;
  if (end > text.length) {
    throw invalid(`The selector ends at ${end}, past the end of the text (${text.length} characters).`);
  }
  const anchor = describeTextRange(text, start, end);
  if (options.input.exact !== null && options.input.exact !== anchor.quote.exact) {
    throw invalid('The quote does not match the text at that position (the article may have changed: reload it).');
  }
  return db().$transaction(async (tx) => {
    const record = await tx.annotation.create({
      data: {
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
        anchorState: 'exact',
      },
      select: annotationRecordSelect,
    });
    await recordAuditEvent(tx, {
      workspaceId: article.workspaceId,
      actorId: options.userId,
      action: 'annotation.created',
      objectType: 'annotation',
      objectId: record.id,
      after: { articleId: article.id, ...auditSnapshot(record) },
    });
    return record;
  });
}
