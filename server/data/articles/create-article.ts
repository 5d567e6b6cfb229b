// No `server-only` here: the seed script creates articles through the same path.
import { createHash } from 'node:crypto';
import { docToPlainText } from '@/lib/domain/document/article-doc';
import { normalizeArticleDoc } from '@/lib/domain/document/normalize-article-doc';
import type { Db } from '../../db/prisma-client';
import type { Prisma } from '../../generated/prisma/client';
import { recordAuditEvent } from '../audit/record-audit-event';
import { writeSearchBlocks } from '../search/write-search-blocks';

export type ArticleMetadata = {
  title: string;
  byline?: string | null;
  sourceUrl?: string | null;
  publishedAt?: Date | null;
};

export type CreateArticleOptions = {
  workspaceId: string;
  authorId: string | null;
  doc: unknown;
  metadata: ArticleMetadata;
  /** When given, a second import with the same key returns the existing article. */
  importKey?: string;
  /** Recorded with the audit event (how the article came in). */
  auditDetails?: Record<string, string | number | null>;
};

export type CreatedArticle = { id: string; title: string; revisionId: string; text: string; created: boolean };

/** Creates an article with its first revision (and search blocks) inside an open transaction. */
export async function createArticleInTransaction(
  tx: Prisma.TransactionClient,
  options: CreateArticleOptions,
): Promise<CreatedArticle> {
  const doc = normalizeArticleDoc(options.doc);
  const text = docToPlainText(doc);
  const contentHash = createHash('sha256').update(text).digest('hex');
  if (options.importKey) {
    const existing = await tx.article.findUnique({
      where: { workspaceId_importKey: { workspaceId: options.workspaceId, importKey: options.importKey } },
      select: {
        id: true,
        title: true,
        revisions: { orderBy: { number: 'desc' }, take: 1, select: { id: true, text: true } },
      },
    });
    if (existing) {
      const current = existing.revisions[0]!;
      return { id: existing.id, title: existing.title, revisionId: current.id, text: current.text, created: false };
    }
  }
  const { title, byline, sourceUrl, publishedAt } = options.metadata;
  const article = await tx.article.create({
    data: {
      workspaceId: options.workspaceId,
      title,
      byline: byline || null,
      sourceUrl: sourceUrl || null,
      publishedAt: publishedAt ?? null,
      importKey: options.importKey,
      createdById: options.authorId,
      revisions: { create: { number: 1, doc, text, contentHash, authorId: options.authorId } },
    },
    select: { id: true, title: true, revisions: { select: { id: true } } },
  });
  await writeSearchBlocks(tx, { id: article.id, workspaceId: options.workspaceId }, text);
  await recordAuditEvent(tx, {
    workspaceId: options.workspaceId,
    actorId: options.authorId,
    action: 'article.created',
    objectType: 'article',
    objectId: article.id,
    after: {
      title: article.title,
      importKey: options.importKey ?? null,
      contentHash,
      characters: text.length,
      ...options.auditDetails,
    },
  });
  return { id: article.id, title: article.title, revisionId: article.revisions[0]!.id, text, created: true };
}

export async function createArticle(database: Db, options: CreateArticleOptions): Promise<CreatedArticle> {
  return database.$transaction((tx) => createArticleInTransaction(tx, options), { timeout: 60_000, maxWait: 10_000 });
}
