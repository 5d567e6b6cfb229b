import 'server-only';
import { describeTextRange } from '@/lib/domain/anchoring/describe-text-range';
import { parseAnnotationImport, type ParsedImport } from '@/lib/domain/import/web-annotation-import';
import { AppError } from '@/lib/errors';
import { uuid7 } from '@/lib/uuid7';
import { db } from '../../db';
import type { Prisma } from '../../generated/prisma/client';
import { assertCanImport } from '../articles/import-article';
import { createArticleInTransaction, type CreatedArticle } from '../articles/create-article';
import { recordAuditEvent } from '../audit/record-audit-event';
import { importCustody, membersByUniqueName } from '../evidence/import-custody';

export type AnnotationImportSummary = {
  articles: number;
  annotations: number;
  orphaned: number;
  replies: number;
  links: number;
  warnings: string[];
};

type Tx = Prisma.TransactionClient;

function annotationRows(
  parsed: ParsedImport,
  articles: Map<string, CreatedArticle>,
  workspaceId: string,
  userId: string,
  memberByName: Map<string, string>,
) {
  const now = new Date();
  const ids = new Map<string, string>();
  const rows: Prisma.AnnotationCreateManyInput[] = [];
  for (const annotation of parsed.annotations) {
    const article = articles.get(annotation.sourceRef);
    if (!article) continue;
    const id = uuid7();
    ids.set(annotation.ref, id);
    // Context is derived from our own text, as for any new annotation; an orphan keeps the file's.
    const anchor = annotation.position
      ? describeTextRange(article.text, annotation.position.start, annotation.position.end)
      : { quote: annotation.quote, position: annotation.selectorPosition ?? { start: 0, end: 0 } };
    rows.push({
      id,
      workspaceId,
      articleId: article.id,
      revisionId: article.revisionId,
      authorId: userId,
      tag: annotation.tag,
      note: annotation.note,
      status: annotation.status ?? 'open',
      reviewStatus: annotation.reviewStatus ?? 'open',
      // Custody: the original creator and time stay, beside who imported it and when.
      ...importCustody(annotation, userId, now, memberByName),
      quoteExact: anchor.quote.exact,
      quotePrefix: anchor.quote.prefix,
      quoteSuffix: anchor.quote.suffix,
      posStart: anchor.position.start,
      posEnd: anchor.position.end,
      anchorState: annotation.position ? 'exact' : 'orphaned',
      // The file's privilege mark is kept, as marked by the importer now (import is for editors
      // and owners, who may mark privileged); the audit event counts them.
      ...(annotation.privilegeBasis !== null
        ? { privilegedAt: now, privilegedById: userId, privilegeBasis: annotation.privilegeBasis }
        : {}),
      updatedAt: now,
    });
  }
  return { ids, rows };
}

async function writeReplies(tx: Tx, parsed: ParsedImport, annotationIds: Map<string, string>, userId: string) {
  const commentIds = new Map<string, string>();
  const rows: Prisma.CommentCreateManyInput[] = [];
  for (const reply of parsed.replies) {
    const annotationId = annotationIds.get(reply.annotationRef);
    if (!annotationId) continue;
    const id = uuid7();
    commentIds.set(reply.ref, id);
    rows.push({
      id,
      annotationId,
      authorId: userId,
      parentId: reply.parentRef ? (commentIds.get(reply.parentRef) ?? null) : null,
      body: reply.deleted ? '' : reply.body,
      deletedAt: reply.deleted ? new Date() : null,
    });
  }
  if (rows.length) await tx.comment.createMany({ data: rows });
  return rows.length;
}

/**
 * Recreates an exported review in this workspace: each source document becomes a new article,
 * and its annotations, replies and links are created on it in one transaction, so a failed
 * import leaves nothing behind. The importer is the author of what is created; each annotation
 * keeps its original creator's name and time, its verdict, and its assignee where the name maps
 * onto exactly one member (server/data/evidence/import-custody.ts); the audit event records the import.
 */
export async function importAnnotationCollection(options: {
  userId: string;
  slug: string;
  json: unknown;
}): Promise<AnnotationImportSummary> {
  const workspace = await assertCanImport(options);
  const parsed = parseAnnotationImport(options.json);
  if (!parsed.sources.length) {
    throw new AppError('INVALID_INPUT', {
      userMessage:
        'This file does not carry the annotated documents. Export from Marginalia (which includes them) to import a review.',
    });
  }
  return db().$transaction(
    async (tx) => {
      const articles = new Map<string, CreatedArticle>();
      for (const source of parsed.sources) {
        articles.set(
          source.ref,
          await createArticleInTransaction(tx, {
            workspaceId: workspace.id,
            authorId: options.userId,
            doc: source.doc,
            metadata: source,
            auditDetails: { format: 'jsonld', importedFrom: source.ref },
          }),
        );
      }
      const memberByName = await membersByUniqueName(tx, workspace.id);
      const { ids, rows } = annotationRows(parsed, articles, workspace.id, options.userId, memberByName);
      if (rows.length) await tx.annotation.createMany({ data: rows });
      const replies = await writeReplies(tx, parsed, ids, options.userId);
      const linkRows = parsed.links.flatMap((link) => {
        const from = ids.get(link.fromRef);
        const to = ids.get(link.toRef);
        return from && to && from !== to
          ? [
              {
                workspaceId: workspace.id,
                fromAnnotationId: from,
                toAnnotationId: to,
                type: link.type,
                createdById: options.userId,
              },
            ]
          : [];
      });
      const links = linkRows.length
        ? (await tx.annotationLink.createMany({ data: linkRows, skipDuplicates: true })).count
        : 0;
      const creators = [...new Set(parsed.annotations.flatMap((annotation) => annotation.creatorName ?? []))];
      const summary: AnnotationImportSummary = {
        articles: articles.size,
        annotations: rows.length,
        orphaned: rows.filter((row) => row.anchorState === 'orphaned').length,
        replies,
        links,
        warnings: parsed.warnings,
      };
      await recordAuditEvent(tx, {
        workspaceId: workspace.id,
        actorId: options.userId,
        action: 'review.imported',
        objectType: 'workspace',
        objectId: workspace.id,
        after: {
          label: parsed.label,
          articles: summary.articles,
          annotations: summary.annotations,
          orphaned: summary.orphaned,
          replies,
          links,
          originalCreators: creators.slice(0, 50),
          assigneesMapped: rows.filter((row) => row.assigneeId).length,
          privileged: rows.filter((row) => row.privilegedAt).length,
        },
      });
      return summary;
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}
