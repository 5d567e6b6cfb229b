import 'server-only';
import { createHash } from 'node:crypto';
import { blocksToDoc, docToPlainText } from '@/lib/domain/document/article-doc';
import { normalizeArticleDoc } from '@/lib/domain/document/normalize-article-doc';
import { parsePlainTextArticle } from '@/lib/domain/import/parse-plain-text-article';
import type { Db } from '../../db/prisma-client';
import { recordAuditEvent } from '../audit/record-audit-event';

export type CreateArticleFromTextOptions = {
  workspaceId: string;
  authorId: string | null;
  text: string;
  /** When given, a second import with the same key returns the existing article. */
  importKey?: string;
  title?: string;
};

/** Imports plain text as a new article with its first revision. Idempotent per importKey. */
export async function createArticleFromText(database: Db, options: CreateArticleFromTextOptions) {
  const parsed = parsePlainTextArticle(options.text);
  const doc = normalizeArticleDoc(blocksToDoc(parsed.blocks));
  const text = docToPlainText(doc);
  const contentHash = createHash('sha256').update(text).digest('hex');
  return database.$transaction(async (tx) => {
    if (options.importKey) {
      const existing = await tx.article.findUnique({
        where: { workspaceId_importKey: { workspaceId: options.workspaceId, importKey: options.importKey } },
        select: { id: true, title: true },
      });
      if (existing) return { ...existing, created: false };
    }
    const article = await tx.article.create({
      data: {
        workspaceId: options.workspaceId,
        title: options.title ?? parsed.title,
        importKey: options.importKey,
        createdById: options.authorId,
        revisions: { create: { number: 1, doc, text, contentHash, authorId: options.authorId } },
      },
      select: { id: true, title: true },
    });
    await recordAuditEvent(tx, {
      workspaceId: options.workspaceId,
      actorId: options.authorId,
      action: 'article.created',
      objectType: 'article',
      objectId: article.id,
      after: {
        title: article.title,
        titleSource: parsed.titleSource,
        importKey: options.importKey ?? null,
        contentHash,
      },
    });
    return { ...article, created: true };
  });
}
