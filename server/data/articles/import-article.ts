import 'server-only';
import { importDocument, type ImportedDocument } from '@/lib/domain/import/import-document';
import { assertCan } from '@/lib/domain/permissions/permissions';
import { AppError } from '@/lib/errors';
import { ARTICLE_TEXT_MAX, type TArticleImportDetails } from '@/lib/validation/articles';
import { db } from '../../db';
import { getMemberWorkspace } from '../workspaces/get-member-workspace';
import type { Prisma } from '../../generated/prisma/client';
import { createArticleInTransaction, type CreatedArticle } from './create-article';

export type ImportSource = Parameters<typeof importDocument>[0];

/** Refused before any parsing, so someone who may not import cannot make the server convert a 10 MB file. */
export async function assertCanImport(options: { userId: string; slug: string }) {
  const workspace = await getMemberWorkspace(options);
  assertCan(workspace.role, 'article.create');
  return workspace;
}

function mergeDetails(imported: ImportedDocument, details: TArticleImportDetails) {
  const publishedAt = details.publishedAt ?? imported.metadata.publishedAt ?? null;
  return {
    title: details.title ?? imported.metadata.title,
    byline: details.byline ?? imported.metadata.byline ?? null,
    sourceUrl: details.sourceUrl ?? imported.metadata.sourceUrl ?? null,
    publishedAt: publishedAt ? new Date(`${publishedAt.slice(0, 10)}T00:00:00Z`) : null,
  };
}

type ImportedArticle = CreatedArticle & { format: ImportedDocument['format']; workspaceSlug: string };

/** Stores a converted document as a new article in the workspace; details given by the user win. */
export async function storeImportedArticle(options: {
  workspace: { id: string; slug: string };
  userId: string;
  imported: ImportedDocument;
  details: TArticleImportDetails;
  fileName: string | null;
  /** Runs in the article's own transaction (a background import records its result there, so a retry never stores it twice). */
  alsoInTransaction?: (tx: Prisma.TransactionClient, articleId: string) => Promise<void>;
}): Promise<ImportedArticle> {
  const { imported, workspace } = options;
  if (imported.text.length > ARTICLE_TEXT_MAX) {
    // Saving a revision has the same limit; an article too long to save again is refused up front.
    throw new AppError('PAYLOAD_TOO_LARGE', {
      userMessage: `This document has ${imported.text.length.toLocaleString('en-US')} characters of text; articles can have at most ${ARTICLE_TEXT_MAX.toLocaleString('en-US')}.`,
    });
  }
  const metadata = mergeDetails(imported, options.details);
  const article = await db().$transaction(
    async (tx) => {
      const created = await createArticleInTransaction(tx, {
        workspaceId: workspace.id,
        authorId: options.userId,
        doc: imported.doc,
        metadata: {
          ...metadata,
          publishedAt: Number.isNaN(metadata.publishedAt?.getTime()) ? null : metadata.publishedAt,
        },
        auditDetails: { format: imported.format, fileName: options.fileName },
      });
      await options.alsoInTransaction?.(tx, created.id);
      return created;
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  return { ...article, format: imported.format, workspaceSlug: workspace.slug };
}

/** Converts an uploaded or pasted document in the request and stores it as a new article. */
export async function importArticle(options: {
  userId: string;
  slug: string;
  source: ImportSource;
  details: TArticleImportDetails;
}): Promise<ImportedArticle> {
  const workspace = await assertCanImport(options);
  const imported = await importDocument(options.source);
  return storeImportedArticle({
    workspace,
    userId: options.userId,
    imported,
    details: options.details,
    fileName: 'fileName' in options.source ? (options.source.fileName ?? null) : null,
  });
}
