import 'server-only';
import { createHash } from 'node:crypto';
import { reanchorAll } from '@/lib/domain/anchoring/reanchor';
import { baselineQuote } from '@/lib/domain/evidence/annotation-evidence';
import { emptyStateCounts, type EvidenceState } from '@/lib/domain/evidence/evidence-state';
import { countStates, judgeReanchored, type Judged } from '@/lib/domain/evidence/judge-reanchored';
import { docToPlainText, type ArticleDoc } from '@/lib/domain/document/article-doc';
import {
  InvalidDocumentError,
  normalizeArticleDoc,
  textToArticleDoc,
} from '@/lib/domain/document/normalize-article-doc';
import { assertCan } from '@/lib/domain/permissions/permissions';
import { AppError } from '@/lib/errors';
import type { TSaveRevision } from '@/lib/validation/articles';
import { db } from '../../db';
import { Prisma } from '../../generated/prisma/client';
import { recordAuditEvent } from '../audit/record-audit-event';
import { writeSearchBlocks } from '../search/write-search-blocks';
import { annotationEvidenceSelect } from '../evidence/annotation-evidence-select';
import { getMemberArticle } from './get-member-article';

type Tx = Prisma.TransactionClient;

const staleRevision = () =>
  new AppError('CONFLICT', {
    userMessage:
      'Someone saved a newer version of this article while you were editing. Reload it and apply your changes again.',
  });

export type SavedRevision = {
  revision: { id: string; number: number; text: string; doc: ArticleDoc };
  anchors: Record<EvidenceState, number>;
  created: boolean;
};

const storedSelect = {
  id: true,
  revisionId: true,
  quoteExact: true,
  quotePrefix: true,
  quoteSuffix: true,
  posStart: true,
  posEnd: true,
  anchorState: true,
  ...annotationEvidenceSelect,
} as const;

/**
 * Re-anchors every annotation of the article against the new text, grouped by the revision
 * each was last anchored on, and judges each against its words as tagged (or as confirmed).
 */
async function reanchorArticle(tx: Tx, articleId: string, newText: string) {
  // privilege: re-anchoring moves every annotation; nothing read here reaches the editor but counts.
  const stored = await tx.annotation.findMany({ where: { articleId }, select: storedSelect });
  const revisionIds = [...new Set(stored.map((annotation) => annotation.revisionId))];
  const texts = new Map(
    (await tx.articleRevision.findMany({ where: { id: { in: revisionIds } }, select: { id: true, text: true } })).map(
      (revision) => [revision.id, revision.text],
    ),
  );
  const judged: Judged[] = [];
  // Each annotation whose words this revision changed, before and after: its history reads them.
  const wordChanges: { id: string; from: string; to: string }[] = [];
  for (const revisionId of revisionIds) {
    const group = stored.filter((annotation) => annotation.revisionId === revisionId);
    const anchors = group.map((annotation) => ({
      quote: { exact: annotation.quoteExact, prefix: annotation.quotePrefix, suffix: annotation.quoteSuffix },
      position: { start: annotation.posStart, end: annotation.posEnd },
    }));
    reanchorAll(texts.get(revisionId) ?? '', newText, anchors).forEach((result, i) => {
      const annotation = group[i]!;
      const subject = { id: annotation.id, baseline: baselineQuote(annotation), previous: annotation.anchorState };
      const outcome = judgeReanchored(newText, subject, result);
      judged.push(outcome);
      if ('quote' in outcome && outcome.quote.exact !== annotation.quoteExact)
        wordChanges.push({ id: annotation.id, from: annotation.quoteExact, to: outcome.quote.exact });
    });
  }
  return { judged, wordChanges };
}

/** One UPDATE for all re-anchored annotations, so a revision of a heavily annotated article stays fast. */
async function writeAnchors(tx: Tx, revisionId: string, judged: Judged[]) {
  const rows = {
    id: [] as string[],
    start: [] as number[],
    end: [] as number[],
    exact: [] as string[],
    prefix: [] as string[],
    suffix: [] as string[],
    state: [] as string[],
  };
  // An orphan keeps its last known place: the quote, offsets and revision it was last found on.
  // So does one not searched, which is why the next save searches for it again: it is still
  // grouped under the revision it was last found on.
  const orphaned: string[] = [];
  const notSearched: string[] = [];
  for (const annotation of judged) {
    if (annotation.state === 'orphaned' || annotation.state === 'not_searched') {
      (annotation.state === 'orphaned' ? orphaned : notSearched).push(annotation.id);
      continue;
    }
    rows.id.push(annotation.id);
    rows.start.push(annotation.start);
    rows.end.push(annotation.end);
    rows.exact.push(annotation.quote.exact);
    rows.prefix.push(annotation.quote.prefix);
    rows.suffix.push(annotation.quote.suffix);
    rows.state.push(annotation.state);
  }
  if (rows.id.length) {
    await tx.$executeRaw`
      UPDATE "Annotation" AS a SET
        "revisionId" = ${revisionId}::uuid,
        "posStart" = v.start,
        "posEnd" = v."end",
        "quoteExact" = v.exact,
        "quotePrefix" = v.prefix,
        "quoteSuffix" = v.suffix,
        "anchorState" = v.state::"AnchorState",
        "updatedAt" = now()
      FROM unnest(
        ${rows.id}::uuid[], ${rows.start}::int[], ${rows.end}::int[],
        ${rows.exact}::text[], ${rows.prefix}::text[], ${rows.suffix}::text[], ${rows.state}::text[]
      ) AS v(id, start, "end", exact, prefix, suffix, state)
      WHERE a.id = v.id`;
  }
  if (orphaned.length) {
    await tx.annotation.updateMany({ where: { id: { in: orphaned } }, data: { anchorState: 'orphaned' } });
  }
  if (notSearched.length) {
    await tx.annotation.updateMany({ where: { id: { in: notSearched } }, data: { anchorState: 'not_searched' } });
  }
}

function buildDoc(input: TSaveRevision, previous: ArticleDoc): ArticleDoc {
  try {
    return input.doc !== undefined
      ? normalizeArticleDoc(input.doc)
      : normalizeArticleDoc(textToArticleDoc(input.text ?? '', previous));
  } catch (error) {
    if (error instanceof InvalidDocumentError) {
      throw new AppError('INVALID_INPUT', { userMessage: error.message, fieldErrors: { doc: [error.message] } });
    }
    throw error;
  }
}

/**
 * Saves a new immutable revision on top of `baseRevisionId` and re-anchors all the
 * article's annotations to it, in one transaction. A stale base gets 409: revision
 * numbers are unique per article, so of two saves on the same base only one can land.
 */
export async function saveArticleRevision(options: {
  userId: string;
  articleId: string;
  input: TSaveRevision;
}): Promise<SavedRevision> {
  const article = await getMemberArticle(options);
  assertCan(article.role, 'article.edit');
  if (options.input.baseRevisionId !== article.revision.id) throw staleRevision();
  const doc = buildDoc(options.input, article.revision.doc);
  const text = docToPlainText(doc);
  if (
    text === article.revision.text &&
    JSON.stringify(doc) === JSON.stringify(normalizeArticleDoc(article.revision.doc))
  ) {
    // privilege: counts for an editor or owner (article.edit), who read every privileged note.
    const unchanged = await db().annotation.groupBy({
      by: ['anchorState'],
      where: { articleId: article.id },
      _count: true,
    });
    const anchors = emptyStateCounts();
    for (const group of unchanged) anchors[group.anchorState] = group._count;
    return { revision: { ...article.revision }, anchors, created: false };
  }
  const contentHash = createHash('sha256').update(text).digest('hex');
  try {
    return await db().$transaction(
      async (tx) => {
        const revision = await tx.articleRevision.create({
          data: {
            articleId: article.id,
            number: article.revision.number + 1,
            doc,
            text,
            contentHash,
            authorId: options.userId,
          },
          select: { id: true, number: true },
        });
        const { judged, wordChanges } = await reanchorArticle(tx, article.id, text);
        await writeAnchors(tx, revision.id, judged);
        await tx.article.update({ where: { id: article.id }, data: { updatedAt: new Date() } });
        await writeSearchBlocks(tx, article, text);
        const anchors = countStates(judged);
        await recordAuditEvent(tx, {
          workspaceId: article.workspaceId,
          actorId: options.userId,
          action: 'article.revised',
          objectType: 'article',
          objectId: article.id,
          before: { revisionId: article.revision.id, number: article.revision.number },
          after: {
            revisionId: revision.id,
            number: revision.number,
            contentHash,
            anchors,
            orphaned: judged.filter((annotation) => annotation.state === 'orphaned').map(({ id }) => id),
            notSearched: judged.filter((annotation) => annotation.state === 'not_searched').map(({ id }) => id),
            changed: judged.filter((annotation) => annotation.state === 'changed').map(({ id }) => id),
            wordChanges,
          },
        });
        return { revision: { ...revision, text, doc }, anchors, created: true };
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw staleRevision();
    throw error;
  }
}
