import 'server-only';
import { describeTextRange } from '@/lib/domain/anchoring/describe-text-range';
import { reanchorAll } from '@/lib/domain/anchoring/reanchor';
import { carryOver, type NewAnchor } from '@/lib/domain/evidence/carry-over';
import { AppError } from '@/lib/errors';
import { db } from '../../db';

const invalid = (message: string, field = 'target.selector') =>
  new AppError('INVALID_INPUT', { userMessage: message, fieldErrors: { [field]: [message] } });

/**
 * Where a new annotation goes. Made on the current revision: exactly there. Made on a page
 * that is behind (an older revision of the same article): the selection is checked against the
 * revision it was made on, kept as the words as tagged, and re-anchored to the current text
 * with the same engine a revision save uses, instead of being refused and lost. Only when the
 * passage cannot be found is the reviewer told (409), and the browser keeps the selection.
 */
export async function anchorNewAnnotation(options: {
  article: { id: string; revisionId: string; text: string };
  revisionId?: string;
  /** Where the client's selectors point in the text they were made on (throws a 422 when they do not fit). */
  resolve: (text: string) => { start: number; end: number };
}): Promise<NewAnchor> {
  const { article, revisionId } = options;
  const madeOn =
    revisionId && revisionId !== article.revisionId
      ? await db().articleRevision.findFirst({
          where: { id: revisionId, articleId: article.id },
          select: { id: true, text: true },
        })
      : { id: article.revisionId, text: article.text };
  if (!madeOn) throw invalid('That revision is not a revision of this article.', 'revision');
  const { start, end } = options.resolve(madeOn.text);
  const tagged = describeTextRange(madeOn.text, start, end);
  if (madeOn.id === article.revisionId) return { tagged, taggedRevisionId: madeOn.id, current: tagged, state: 'exact' };
  const [result] = reanchorAll(madeOn.text, article.text, [tagged]);
  const carried = carryOver(article.text, tagged, result!);
  if (!carried) {
    throw new AppError('CONFLICT', {
      userMessage:
        'The article was revised since you loaded it and the passage you selected is not in the new text. Your selection is kept: reload to tag the current text.',
    });
  }
  return { ...carried, taggedRevisionId: madeOn.id };
}
