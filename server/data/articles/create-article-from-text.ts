import { blocksToDoc } from '@/lib/domain/document/article-doc';
import { parsePlainTextArticle } from '@/lib/domain/import/parse-plain-text-article';
import type { Db } from '../../db/prisma-client';
import { createArticle } from './create-article';

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
  return createArticle(database, {
    workspaceId: options.workspaceId,
    authorId: options.authorId,
    doc: blocksToDoc(parsed.blocks),
    metadata: { title: options.title ?? parsed.title },
    importKey: options.importKey,
    auditDetails: { titleSource: parsed.titleSource, format: 'text' },
  });
}
